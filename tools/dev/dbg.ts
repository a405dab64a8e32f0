import { loadCases } from '/work/main/test/protocol/vectors.js';
import { parseXml } from '/work/main/src/protocol/codecs/xml-parse.js';
import { restXmlProtocol } from '/work/main/src/protocol/protocols/rest-xml.js';
const lc = loadCases('input').find((c) => c.key.endsWith('#BodyWithXmlName'))!;
console.log(JSON.stringify(parseXml(lc.c.serialized!.body!)));
console.log(lc.op.input?.members.map(m=>[m.name,m.location]));
const req = { method: 'PUT', path: '/BodyWithXmlName', rawQuery: '', headers: {}, host: 'x', body: Buffer.from(lc.c.serialized!.body!) };
console.log(restXmlProtocol.resolveOperation(lc.op.service, req)?.name, restXmlProtocol.parseInput(lc.op, req));
