/**
 * The operations under test, and the exact bytes the AWS SDK v3 would send for them: the real
 * client builds, serializes and SigV4-signs the request, and a middleware at the innermost step
 * (after signing) captures it instead of sending it. The lightweight generator then replays it.
 * A signature stays valid for minutes, so each phase re-captures just before it starts.
 */
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { request } from 'node:http';

// The SDK warns once that future versions need Node 22; it is noise in a benchmark's output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export interface WireRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

export interface SdkClient {
  send(command: unknown): Promise<unknown>;
  destroy(): void;
  middlewareStack: {
    add(mw: (next: unknown) => (args: { request: unknown }) => Promise<unknown>, options: { step: 'deserialize'; priority: 'low'; name: string }): void;
  };
}

export interface Operation {
  /** `ssm.GetParameter`. */
  readonly name: string;
  /** A new real SDK client for the endpoint (no retries). */
  client(endpoint: string): SdkClient;
  /** A new command for the operation, as the SDK loops send it. */
  command(): unknown;
  /** Whether a 2xx body is the answer expected (checked once per phase, on a probe). */
  looksRight(body: string): boolean;
  /** Prepares state the operation reads (PutParameter for GetParameter); returns a status line. */
  setup?(endpoint: string): Promise<string>;
}

const PARAM = '/nimbus-bench/param';
const VALUE = 'bench-value';

export function clientConfig(endpoint: string) {
  return { endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 };
}

export const OPERATIONS: readonly Operation[] = [
  {
    name: 'ssm.GetParameter',
    client: (endpoint) => new SSMClient(clientConfig(endpoint)) as unknown as SdkClient,
    command: () => new GetParameterCommand({ Name: PARAM }),
    looksRight: (body) => body.includes(VALUE),
    async setup(endpoint) {
      const ssm = new SSMClient(clientConfig(endpoint));
      try {
        await ssm.send(new PutParameterCommand({ Name: PARAM, Value: VALUE, Type: 'String', Overwrite: true }));
        return 'PutParameter 200';
      } catch (e) {
        return `PutParameter failed: ${describeSdkError(e)}`;
      } finally {
        ssm.destroy();
      }
    },
  },
  {
    name: 'sts.GetCallerIdentity',
    client: (endpoint) => new STSClient(clientConfig(endpoint)) as unknown as SdkClient,
    command: () => new GetCallerIdentityCommand({}),
    looksRight: (body) => body.includes('<Account>'),
  },
];

class Captured extends Error {
  constructor(readonly request: { method: string; path: string; headers: Record<string, string>; body?: unknown }) {
    super('captured');
  }
}

/** The signed request the SDK would send for `op` to `endpoint`, as of now. */
export async function signedRequest(op: Operation, endpoint: string): Promise<WireRequest> {
  const client = op.client(endpoint);
  client.middlewareStack.add(
    () => async (args) => {
      throw new Captured(args.request as Captured['request']);
    },
    { step: 'deserialize', priority: 'low', name: 'benchCapture' },
  );
  try {
    await client.send(op.command());
  } catch (e) {
    if (!(e instanceof Captured)) throw e;
    const { method, path, headers, body } = e.request;
    // autocannon writes its own Content-Length (a second one would be a malformed request).
    const { 'content-length': _omit, ...rest } = headers;
    // (A JSON body is an SDK Uint8Array subclass that warns when used as a string: copy its bytes.)
    const u8 = body as Uint8Array;
    const bytes = body === undefined ? Buffer.alloc(0) : typeof body === 'string' ? Buffer.from(body) : Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
    return { method, path, headers: rest, body: bytes };
  } finally {
    client.destroy();
  }
  throw new Error(`the SDK sent ${op.name} instead of letting the bench capture it`);
}

/** Sends a captured request once and returns its status and body. */
export function sendOnce(endpoint: string, req: WireRequest): Promise<{ status: number; body: string }> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const r = request(
      { host: url.hostname, port: url.port, method: req.method, path: req.path, headers: { ...req.headers, 'content-length': String(req.body.length) }, agent: false },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    r.on('error', reject);
    r.end(req.body);
  });
}

/** HTTP status of a failed SDK call (0 when there was no HTTP answer) and its error name. */
export function sdkErrorStatus(e: unknown): number {
  return (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? 0;
}

export function describeSdkError(e: unknown): string {
  const name = (e as { name?: string }).name ?? 'Error';
  return `${sdkErrorStatus(e) || 'no HTTP status'} ${name}: ${(e as Error).message}`;
}
