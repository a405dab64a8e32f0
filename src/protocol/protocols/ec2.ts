/**
 * The EC2 query protocol: like query, but lists are `Name.N`, members are named by `queryName`
 * or a capitalised `locationName`, responses have no result wrapper and carry `<requestId>`, and
 * errors are `<Response><Errors><Error>…</Error></Errors><RequestID/></Response>`.
 */
import { ServiceError } from '../../shared/errors.js';
import { readForm } from '../codecs/form.js';
import { XmlWriter, escapeXml } from '../codecs/xml-write.js';
import { errorShapeFor, errorStatus, queryMalformed } from './errors.js';
import { envelopeNamespace, formParam, formTree, isFormRequest, writeErrorBody } from './form-common.js';
import type { WireProtocol } from './types.js';

const XML_TYPE = 'text/xml;charset=UTF-8';

export const ec2Protocol: WireProtocol = {
  name: 'ec2',
  needsBodyToRoute: true,

  matches: isFormRequest,

  resolveOperation(model, req) {
    const action = formParam(req, 'Action');
    if (action === undefined) return undefined;
    const op = model.operations.get(action);
    if (!op) throw new ServiceError('InvalidAction', `The action ${action} is not valid for this web service.`);
    return op;
  },

  streamsInput() {
    return false;
  },

  parseInput(op, req) {
    if (!op.input) return {};
    return readForm(op.input, formTree(req), 'ec2') as Record<string, unknown>;
  },

  malformed: queryMalformed,

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
