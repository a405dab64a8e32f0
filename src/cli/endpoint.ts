/** Which running Nimbus `status` and `reset` talk to. */
import { parseArgs } from 'node:util';

export function endpointFrom(args: string[], env: NodeJS.ProcessEnv): string {
  const { values } = parseArgs({ args, options: { endpoint: { type: 'string' } }, strict: true });
  const endpoint = values.endpoint ?? env.NIMBUS_ENDPOINT ?? env.AWS_ENDPOINT_URL ?? `http://127.0.0.1:${env.NIMBUS_PORT ?? '4566'}`;
  return endpoint.replace(/\/+$/, '');
}
