import { decodeFrames } from '../../src/protocol/codecs/event-frame.js';
import { loadCases } from '../../test/protocol/vectors.js';
for (const lc of loadCases('output')) {
  if (!lc.c.response?.body || !/event|Event/.test(JSON.stringify(lc.suite.shapes))) continue;
  try {
    const frames = decodeFrames(Buffer.from(lc.c.response.body, 'base64'));
    console.log(lc.key, lc.c.response.headers);
    for (const f of frames) console.log('  ', JSON.stringify(f.headers), JSON.stringify(f.payload.toString('utf8')));
  } catch (e) { /* not an event stream */ }
}
