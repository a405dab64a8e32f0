/**
 * The EC2 query protocol: like query, but lists are `Name.N`, members are named by `queryName`
 * or a capitalised `locationName`, responses have no result wrapper and carry `<requestId>`, and
 * errors are `<Response><Errors><Error>…</Error></Errors><RequestID/></Response>`.
 */
import { XmlWriter } from '../codecs/xml-write.js';
import { errorShapeFor, errorStatus } from './errors.js';
import { envelopeNamespace, formRequestSide, writeErrorBody } from './form-common.js';
import type { WireProtocol } from './types.js';

const XML_TYPE = 'text/xml;charset=UTF-8';

export const ec2Protocol: WireProtocol = {
  name: 'ec2',
  ...formRequestSide('ec2'),

  serializeOutput(op, output, ctx) {
    const w = new XmlWriter();
    w.raw(`<${op.name}Response${envelopeNamespace(op.service)}><requestId>${ctx.requestId}</requestId>`);
    if (op.output) w.members(op.output, output);
    w.raw(`</${op.name}Response>`);
    return { statusCode: 200, headers: { 'content-type': XML_TYPE }, body: w.toString() };
  },

  serializeError(model, _op, err, ctx) {
    const shape = errorShapeFor(model, err);
    const w = new XmlWriter();
    w.raw('<Response><Errors><Error>');
    writeErrorBody(w, shape, err, false);
    w.raw(`</Error></Errors><RequestID>${ctx.requestId}</RequestID></Response>`);
    return {
      statusCode: errorStatus(shape, err, true),
      headers: { 'content-type': XML_TYPE, ...err.headers },
      body: w.toString(),
    };
  },
};
