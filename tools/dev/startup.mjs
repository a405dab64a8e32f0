// Dev aid: how long each part of Nimbus takes to import (first import only).
const t0 = performance.now();
const mark = async (label, spec) => { const t = performance.now(); await import(spec); console.log(label.padEnd(28), (performance.now() - t).toFixed(1), 'ms'); };
await mark('better-sqlite3', 'better-sqlite3');
await mark('storage', '../../dist/storage/index.js');
await mark('protocol/protocols', '../../dist/protocol/protocols/index.js');
await mark('services (ec2, ssm, sts)', '../../dist/services/index.js');
await mark('gateway/pipeline', '../../dist/gateway/pipeline.js');
await mark('nimbus (rest)', '../../dist/nimbus.js');
await mark('cli/start', '../../dist/cli/start.js');
console.log('total imports'.padEnd(28), (performance.now() - t0).toFixed(1), 'ms; process up', (performance.now()).toFixed(0), 'ms since time origin');
