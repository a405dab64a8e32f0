/** `nimbus start`: serve until SIGINT/SIGTERM, then finish in-flight requests and close storage. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, DEFAULTS, resolveConfig } from '../config/config.js';
import { createNimbus } from '../nimbus.js';
import { NIMBUS_VERSION } from '../shared/version.js';

export async function runStart(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        ephemeral: { type: 'boolean' },
        region: { type: 'string' },
        'log-level': { type: 'string' },
        'strict-auth': { type: 'boolean' },
        iam: { type: 'string' },
      },
      strict: true,
    }));
  } catch (e) {
    console.error(`nimbus start: ${(e as Error).message}`);
    return 2;
  }
  let config;
  try {
    config = resolveConfig(
      { port: values.port, host: values.host, dataDir: values['data-dir'], ephemeral: values.ephemeral, region: values.region, logLevel: values['log-level'], strictAuth: values['strict-auth'], iam: values.iam },
      process.env,
    );
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`nimbus start: ${e.message}`);
      return 2;
    }
    throw e;
  }
  const started = Date.now();
  const nimbus = await createNimbus(config);
  const state = config.ephemeral ? 'in memory (--ephemeral): nothing is kept after exit' : `${resolve(config.dataDir)} (durable)`;
  console.log(`Nimbus ${NIMBUS_VERSION} — AWS, running locally (ready in ${Date.now() - started} ms)
  endpoint     ${nimbus.endpoint}
  region       ${config.region}
  credentials  access key "${config.rootAccessKeyId}" (root of account ${config.defaultAccountId})${config.strictAuth ? ', signatures verified (--strict-auth)' : ''}
  IAM          ${config.iam === 'enforce' ? 'policies enforced for IAM users and roles' : config.iam === 'audit' ? 'audit: decisions logged, nothing denied' : 'off: policies not evaluated'}
  state        ${state}
Point the AWS CLI and SDKs at it:
  export AWS_ENDPOINT_URL=${nimbus.endpoint} AWS_ACCESS_KEY_ID=${config.rootAccessKeyId} AWS_SECRET_ACCESS_KEY=${config.rootSecretAccessKey === DEFAULTS.rootSecretAccessKey ? DEFAULTS.rootSecretAccessKey : '<root secret>'} AWS_REGION=${config.region} AWS_DEFAULT_REGION=${config.region}`);

  await new Promise<void>((done) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`\n${signal}: finishing in-flight requests and closing storage…`);
      nimbus.close().then(done, (e) => {
        console.error(`nimbus: error while stopping: ${(e as Error).message}`);
        done();
      });
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  console.log('Nimbus stopped.');
  return 0;
}
