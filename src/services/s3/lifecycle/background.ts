/**
 * Runs the lifecycle sweep every `s3LifecycleInterval` seconds (NIMBUS_S3_LIFECYCLE_INTERVAL,
 * default 60; 0 turns it off) at the time of Nimbus's clock, so a test that moves the clock sees
 * rules take effect at the next sweep. Runs never overlap; stop() waits for the one in progress.
 * The timer does not keep the process alive.
 */
import { periodically } from '../../periodic-work.js';
import type { BackgroundEnvironment, BackgroundWork } from '../../service.js';
import type { S3Store } from '../store.js';
import { describeReport, reportIsEmpty } from './report.js';
import { sweepLifecycle } from './sweep.js';

export function startLifecycleSweeps(store: S3Store, env: BackgroundEnvironment): BackgroundWork | undefined {
  return periodically(env.config.s3LifecycleInterval, env.log, 's3 lifecycle', async () => {
    const report = await sweepLifecycle(store, env.clock.now());
    if (!reportIsEmpty(report)) env.log.info(`s3 lifecycle: ${describeReport(report)}`);
  });
}
