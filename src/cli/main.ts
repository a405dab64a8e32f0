#!/usr/bin/env node
/** The `nimbus` command: start | status | reset | help | version. One file per subcommand. */
import { NIMBUS_VERSION } from '../shared/version.js';
import { runReset } from './reset.js';
import { runStart } from './start.js';
import { runStatus } from './status.js';

const USAGE = `nimbus ${NIMBUS_VERSION} — AWS, running locally

Usage:
  nimbus start  [--port 4566] [--host 127.0.0.1] [--data-dir ./.nimbus] [--ephemeral]
                [--region us-east-1] [--log-level info] [--strict-auth] [--iam enforce|audit|off]
  nimbus status [--endpoint http://127.0.0.1:4566]
  nimbus reset  [--endpoint http://127.0.0.1:4566]
  nimbus version

Every start option can also be set in the environment: NIMBUS_PORT, NIMBUS_HOST, NIMBUS_DATA_DIR,
NIMBUS_EPHEMERAL, NIMBUS_REGION, NIMBUS_LOG_LEVEL, NIMBUS_STRICT_AUTH, NIMBUS_IAM (flags win);
the root key pair is NIMBUS_ROOT_ACCESS_KEY_ID / NIMBUS_ROOT_SECRET_ACCESS_KEY (default test/test). status and reset read
NIMBUS_ENDPOINT, else AWS_ENDPOINT_URL, else http://127.0.0.1:$NIMBUS_PORT.
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return runStart(rest);
    case 'status':
      return runStatus(rest);
    case 'reset':
      return runReset(rest);
    case 'version':
    case '--version':
      console.log(NIMBUS_VERSION);
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return 0;
    default:
      console.error(`nimbus: unknown command ${JSON.stringify(command)}\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`nimbus: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  },
);
