/**
 * Background work that runs every so often (S3's lifecycle sweep, DynamoDB's TTL and stream
 * sweeps): runs never overlap, a failure is logged and the next run still happens, stop() waits
 * for the run in progress, and the timer does not keep the process alive.
 */
import type { Logger } from '../shared/logger.js';
import type { BackgroundWork } from './service.js';

/** Starts `run` every `seconds`; undefined (nothing started) when `seconds` is 0. */
export function periodically(seconds: number, log: Logger, label: string, run: () => Promise<void>): BackgroundWork | undefined {
  if (!(seconds > 0)) return undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = (): void => {
    if (running || stopped) return;
    running = run()
      .catch((e: unknown) => log.error(`${label}: sweep failed`, e))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, seconds * 1000);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
