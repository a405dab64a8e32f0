/** The wire protocols by the name AWS models use for them. */
import { cborRpcProtocol } from './cbor-rpc.js';
import { ec2Protocol } from './ec2.js';
import { jsonRpcProtocol } from './json-rpc.js';
import { queryProtocol } from './query.js';
import { restJsonProtocol } from './rest-json.js';
import { restXmlProtocol } from './rest-xml.js';
import type { HttpRequest, WireProtocol } from './types.js';
import type { ServiceModel } from '../model/shapes.js';

export const PROTOCOLS: Record<string, WireProtocol> = {
  json: jsonRpcProtocol,
  query: queryProtocol,
  ec2: ec2Protocol,
  'rest-json': restJsonProtocol,
  'rest-xml': restXmlProtocol,
  'smithy-rpc-v2-cbor': cborRpcProtocol,
};

export function protocolByName(name: string): WireProtocol {
  const p = PROTOCOLS[name];
  if (!p) throw new Error(`unsupported protocol ${name}`);
  return p;
}

/**
 * The protocol a request to this service is written in. A service may speak several (CloudWatch:
 * CBOR, JSON and query); the first whose form the request has wins, else the model's first.
 */
export function protocolFor(model: ServiceModel, req: HttpRequest): WireProtocol {
  const names = model.protocols;
  if (names.length > 1) {
    for (const n of names) {
      const p = PROTOCOLS[n];
      if (p && p.matches(req)) return p;
    }
  }
  return protocolByName(names[0]!);
}
