// The baseline: the least a node:http server can do per request. It reads the request body (as
// Nimbus does) and answers every request with a canned 200: a small JSON document (the shape of
// an SSM GetParameter answer), or for a form-encoded request (the query protocol) the XML of an
// STS GetCallerIdentity answer, so real SDK clients can be driven against it too. Same keep-alive
// settings as Nimbus's listener. Plain JavaScript, run with plain `node`, so its start time and
// memory are a fair floor for Nimbus's. Usage: node bench/bare-server.mjs <port>
import { createServer } from 'node:http';

function canned(contentType, text) {
  const body = Buffer.from(text);
  return { body, headers: { 'content-type': contentType, 'content-length': String(body.length) } };
}
const json = canned('application/x-amz-json-1.1', JSON.stringify({ Parameter: { Name: '/nimbus-bench/param', Type: 'String', Value: 'bench-value', Version: 1 } }));
const xml = canned(
  'text/xml',
  '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>' +
    '<UserId>000000000000</UserId><Account>000000000000</Account><Arn>arn:aws:iam::000000000000:root</Arn>' +
    '</GetCallerIdentityResult><ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata></GetCallerIdentityResponse>',
);

const server = createServer({ keepAlive: true, requestTimeout: 0 }, (req, res) => {
  const answer = req.headers['content-type']?.startsWith('application/x-www-form-urlencoded') ? xml : json;
  req.on('data', () => {});
  req.on('end', () => {
    res.writeHead(200, answer.headers);
    res.end(answer.body);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1');
process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
});
