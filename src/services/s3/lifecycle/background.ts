/**
 * Runs the lifecycle sweep every `s3LifecycleInterval` seconds (NIMBUS_S3_LIFECYCLE_INTERVAL,
 * default 60; 0 turns it off) at the time of Nimbus's clock, so a test that moves the clock sees
 * rules take effect at the next sweep. Runs never overlap; stop() waits for the one in progress.
 * The timer does not keep the process alive.
 */
import type { BackgroundEnvironment, BackgroundWork } from '../../service.js';
import type { S3Store } from '../store.js';
import { describeReport, reportIsEmpty } from './report.js';
import { sweepLifecycle } from './sweep.js';

export function startLifecycleSweeps(store: S3Store, env: BackgroundEnvironment): BackgroundWork | undefined {
  const seconds = env.config.s3LifecycleInterval;
  if (!(seconds > 0)) return undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const run = (): void => {
    if (running || stopped) return;
    running = sweepLifecycle(store, env.clock.now())
      .then((report) => {
        if (!reportIsEmpty(report)) env.log.info(`s3 lifecycle: ${describeReport(report)}`);
      })
      .catch((e: unknown) => env.log.error('s3 lifecycle: sweep failed', e))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(run, seconds * 1000);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
