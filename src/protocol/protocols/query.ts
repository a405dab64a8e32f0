/**
 * The AWS query protocol (IAM, STS, SNS, CloudFormation, …): form parameters `Action`, `Version`
 * and dotted member names in; `<OpResponse><OpResult>…</OpResult><ResponseMetadata>` XML out;
 * errors as `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`.
 */
import { XmlWriter } from '../codecs/xml-write.js';
import { errorShapeFor, errorStatus } from './errors.js';
import { envelopeNamespace, formRequestSide, writeErrorBody } from './form-common.js';
import type { WireProtocol } from './types.js';

const XML_TYPE = 'text/xml';

export const queryProtocol: WireProtocol = {
  name: 'query',
  ...formRequestSide('query'),

  serializeOutput(op, output, ctx) {
    const w = new XmlWriter();
    w.raw(`<${op.name}Response${envelopeNamespace(op.service)}>`);
    if (op.output) {
      const wrapper = op.resultWrapper ?? `${op.name}Result`;
      w.raw(`<${wrapper}>`);
      w.members(op.output, output);
      w.raw(`</${wrapper}>`);
    }
    w.raw(`<ResponseMetadata><RequestId>${ctx.requestId}</RequestId></ResponseMetadata></${op.name}Response>`);
    return { statusCode: 200, headers: { 'content-type': XML_TYPE }, body: w.toString() };
  },

  serializeError(model, _op, err, ctx) {
    const shape = errorShapeFor(model, err);
    const w = new XmlWriter();
    w.raw(`<ErrorResponse${envelopeNamespace(model)}><Error>`);
    writeErrorBody(w, shape, err, true);
    w.raw(`</Error><RequestId>${ctx.requestId}</RequestId></ErrorResponse>`);
    return {
      statusCode: errorStatus(shape, err, true),
      headers: { 'content-type': XML_TYPE, ...err.headers },
      body: w.toString(),
    };
  },
};
