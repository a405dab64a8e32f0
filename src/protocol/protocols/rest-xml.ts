/**
 * restXml (S3, CloudFront, Route 53): HTTP bindings plus an XML body. Errors are
 * `<ErrorResponse><Error>…</Error><RequestId/></ErrorResponse>`, or a bare `<Error>` for services
 * that do not wrap them (S3; see quirks/).
 */
import { parseXml } from '../codecs/xml-parse.js';
import { readXml } from '../codecs/xml-read.js';
import { XmlWriter, escapeXml } from '../codecs/xml-write.js';
import type { Member, Shape } from '../model/shapes.js';
import { serviceQuirks } from '../quirks/index.js';
import { errorFieldValues, errorShapeFor, errorStatus } from './errors.js';
import { writeErrorBody } from './form-common.js';
import { restSides, writeBoundMembers, type RestBodyCodec } from './rest-bindings.js';
import { ServiceError } from '../../shared/errors.js';
import type { HeaderValue, WireProtocol } from './types.js';

/**
 * A payload's root element: the member's locationName, else the target shape's xmlName or name.
 * botocore's models give payload members a locationName, and AWS answers with it (S3's
 * GetObjectLegalHold writes <LegalHold>, its shape being ObjectLockLegalHold).
 */
function payloadRootName(member: Member): string {
  return member.locationName ?? member.shape.locationName ?? member.shape.name;
}

/**
 * A model patch marks an output whose document is its root element holding one member's text
 * (S3's GetBucketLocation answers `<LocationConstraint xmlns="…">eu-west-1</LocationConstraint>`,
 * and an empty element for us-east-1), which botocore's model cannot express.
 */
const TEXT_ROOT = 'x-nimbus-xml-text-root';

function writeTextRoot(w: XmlWriter, shape: Shape, value: Record<string, unknown>, rootName: string): void {
  const member = shape.members.find((m) => m.location === undefined);
  const text = member ? value[member.name] : undefined;
  const ns = shape.xmlNamespace ? ` xmlns="${escapeXml(shape.xmlNamespace.uri)}"` : '';
  w.raw(text === undefined || text === null || text === '' ? `<${rootName}${ns}/>` : `<${rootName}${ns}>${escapeXml(String(text))}</${rootName}>`);
}

export const xmlBodyCodec: RestBodyCodec = {
  contentType: 'application/xml',
  alwaysWritesBody: false,
  eventDocuments: {
    contentType: 'text/xml',
    write(shape, value, rootName) {
      const w = new XmlWriter();
      w.element(rootName, shape, value);
      return w.toString();
    },
  },
  readMembers(shape, body) {
    return readXml(shape, parseXml(body.toString('utf8'))) as Record<string, unknown>;
  },
  writeMembers(shape, value, rootName) {
    const w = new XmlWriter();
    if (shape.raw[TEXT_ROOT] === true) writeTextRoot(w, shape, value, rootName);
    else w.element(rootName, shape, value);
    return w.toString();
  },
  readPayload(member, body) {
    return readXml(member.shape, parseXml(body.toString('utf8')));
  },
  writePayload(member, value) {
    const w = new XmlWriter();
    w.element(payloadRootName(member), member.shape, value, member);
    return w.toString();
  },
};

export const restXmlProtocol: WireProtocol = {
  name: 'rest-xml',
  ...restSides(xmlBodyCodec),
  /** S3's answers: MalformedXML for a body it cannot read, InvalidArgument for a bad parameter. */
  malformed(e) {
    // S3 names no parser detail: its MalformedXML message is always the same sentence.
    return e.kind === 'body'
      ? new ServiceError('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema')
      : new ServiceError('InvalidArgument', e.message);
  },
  serializeError(model, _op, err, ctx) {
    const shape = errorShapeFor(model, err);
    const headers: Record<string, HeaderValue> = { 'content-type': 'application/xml', ...err.headers };
    if (shape) writeBoundMembers(shape, errorFieldValues(shape, err), headers);
    const w = new XmlWriter();
    const unwrapped = serviceQuirks(model).unwrappedXmlErrors;
    w.raw(unwrapped ? '<Error>' : '<ErrorResponse><Error>');
    writeErrorBody(w, shape, err, !unwrapped);
    w.raw(unwrapped ? `<RequestId>${ctx.requestId}</RequestId></Error>` : `</Error><RequestId>${ctx.requestId}</RequestId></ErrorResponse>`);
    return { statusCode: errorStatus(shape, err, false), headers, body: w.toString() };
  },
};
