/**
 * Shared setup for the object subresource and lifecycle tests: a Nimbus whose clock the test
 * moves, with its S3 store at hand so the lifecycle sweep can be run directly. Clients, error
 * checks and bucket names come from the core and config helpers.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll } from 'vitest';
import { resolveConfig } from '../../../../src/config/config.js';
import { createNimbus, type NimbusInstance } from '../../../../src/nimbus.js';
import type { S3Store } from '../../../../src/services/s3/store.js';
import type { Clock } from '../../../../src/shared/clock.js';

/** A clock the test sets; it starts at `start`. */
export class TestClock implements Clock {
  private t: number;
  constructor(start: Date) {
    this.t = start.getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  set(d: Date): void {
    this.t = d.getTime();
  }
  advanceDays(days: number): void {
    this.t += days * 24 * 60 * 60 * 1000;
  }
}

export interface ClockedNimbus {
  readonly instance: NimbusInstance;
  readonly clock: TestClock;
  readonly s3: S3Client;
  /** The S3 service's store (what the lifecycle sweep runs against). */
  readonly store: S3Store;
}

export interface ClockedOptions {
  start?: Date;
  /** Lifecycle sweep interval in seconds (0, the default here: tests run the sweep themselves). */
  lifecycleInterval?: number;
  ephemeral?: boolean;
  dataDir?: string;
}

export async function startClockedNimbus(options: ClockedOptions = {}): Promise<ClockedNimbus> {
  const clock = new TestClock(options.start ?? new Date('2030-01-01T10:00:00Z'));
  const config = resolveConfig({
    port: 0,
    ephemeral: options.ephemeral ?? true,
    dataDir: options.dataDir,
    logLevel: 'warn',
    s3LifecycleInterval: options.lifecycleInterval ?? 0,
  });
  const instance = await createNimbus(config, { clock });
  const s3 = new S3Client({
    endpoint: instance.endpoint,
    region: config.region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    forcePathStyle: true,
    maxAttempts: 1,
  });
  const store = instance.gateway.registry.get('s3')!.store as S3Store;
  return { instance, clock, s3, store };
}

/** One clocked Nimbus for the calling test file. */
export function useClockedNimbus(options: ClockedOptions = {}): { readonly current: ClockedNimbus } {
  let n: ClockedNimbus | undefined;
  beforeAll(async () => {
    n = await startClockedNimbus(options);
  });
  afterAll(async () => {
    await n?.instance.close();
  });
  return {
    get current() {
      if (!n) throw new Error('Nimbus is not started yet (use it inside a test)');
      return n;
    },
  };
}

const DAY = 24 * 60 * 60 * 1000;

/** `days` days after `from`. */
export function daysAfter(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY);
}
