/** What the query and EC2 protocols share: reading the form parameters and writing XML errors' fields. */
import { buildFormTree, parseFormPairs, readForm, type FormDialect, type FormNode } from '../codecs/form.js';
import type { ServiceModel, Shape } from '../model/shapes.js';
import { XmlWriter, escapeXml } from '../codecs/xml-write.js';
import { ServiceError as AwsError } from '../../shared/errors.js';
import { queryMalformed } from './errors.js';
import { headerValue, type HttpRequest, type WireProtocol } from './types.js';

const formCache = new WeakMap<HttpRequest, { pairs: [string, string][]; tree?: FormNode }>();

/** Parameters from the query string and a form body together, parsed once per request. */
export function formPairs(req: HttpRequest): [string, string][] {
  let cached = formCache.get(req);
  if (!cached) {
    const pairs = parseFormPairs(req.rawQuery);
    const type = headerValue(req, 'content-type') ?? '';
    if (req.body && req.body.length > 0 && (type === '' || type.startsWith('application/x-www-form-urlencoded'))) {
      pairs.push(...parseFormPairs(req.body.toString('utf8')));
    }
    cached = { pairs };
    formCache.set(req, cached);
  }
  return cached.pairs;
}

export function formTree(req: HttpRequest): FormNode {
  formPairs(req);
  const cached = formCache.get(req)!;
  return (cached.tree ??= buildFormTree(cached.pairs));
}

export function formParam(req: HttpRequest, name: string): string | undefined {
  for (const [k, v] of formPairs(req)) if (k === name) return v;
  return undefined;
}

export function isFormRequest(req: HttpRequest): boolean {
  const type = headerValue(req, 'content-type') ?? '';
  if (type.startsWith('application/x-www-form-urlencoded')) return true;
  return /(^|&)Action=/.test(req.rawQuery);
}

/**
 * The `xmlns` attribute of a query/EC2 response envelope, from the model's `xmlNamespace`
 * (AWS writes it with a trailing slash; EC2's model leaves that off). Empty when the model has none.
 */
export function envelopeNamespace(model: ServiceModel): string {
  const ns = model.metadata.xmlNamespace as string | undefined;
  if (!ns) return '';
  return ` xmlns="${escapeXml(ns.endsWith('/') ? ns : ns + '/')}"`;
}

/** `<Code>`, `<Message>` and the error's other members, as XML. */
export function writeErrorBody(w: XmlWriter, shape: Shape | undefined, err: AwsError, withType: boolean): void {
  if (withType) w.raw(`<Type>${err.senderFault ? 'Sender' : 'Receiver'}</Type>`);
  w.raw(`<Code>${escapeXml(shape?.error?.code ?? err.code)}</Code>`);
  if (err.message) w.raw(`<Message>${escapeXml(err.message)}</Message>`);
  const fields = { ...err.fields };
  if (shape) {
    const modeled: Record<string, unknown> = {};
    for (const m of shape.members) {
      if (m.name.toLowerCase() === 'message' || m.name === 'Code' || m.name === 'Type') continue;
      if (fields[m.name] !== undefined) modeled[m.name] = fields[m.name];
      delete fields[m.name];
    }
    w.members(shape, modeled);
  }
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null || k.toLowerCase() === 'message') continue;
    w.raw(`<${k}>${escapeXml(String(v))}</${k}>`);
  }
}

/** Everything the query and EC2 protocols read the same way: Action routing and form parameters. */
export function formRequestSide(dialect: FormDialect): Pick<WireProtocol, 'needsBodyToRoute' | 'matches' | 'resolveOperation' | 'streamsInput' | 'parseInput' | 'malformed'> {
  return {
    needsBodyToRoute: true,
    matches: isFormRequest,
    resolveOperation(model, req) {
      const action = formParam(req, 'Action');
      if (action === undefined) return undefined;
      const op = model.operations.get(action);
      if (!op) throw new AwsError('InvalidAction', `The action ${action} is not valid for this web service.`);
      return op;
    },
    streamsInput: () => false,
    parseInput(op, req) {
      return op.input ? (readForm(op.input, formTree(req), dialect) as Record<string, unknown>) : {};
    },
    malformed: queryMalformed,
  };
}
