/** Dev aid: replays an SDK-signed GetParameter at 16 connections against an endpoint for N requests. */
import autocannon from 'autocannon';
import { OPERATIONS, signedRequest } from './requests.js';
const endpoint = process.argv[2]!;
const amount = Number(process.argv[3] ?? 20000);
const op = OPERATIONS[0]!;
await op.setup?.(endpoint);
const req = await signedRequest(op, endpoint);
await new Promise<void>((res) => autocannon({ url: endpoint, connections: 16, amount, method: 'POST', path: req.path, headers: req.headers, body: req.body }, (_e, r) => { console.log(`${r.requests.total} requests, ${r.non2xx} non-2xx`); res(); }));
