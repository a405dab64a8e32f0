/**
 * Runs the DynamoDB sweeps (TTL expirations, stream retention: sweeps.ts) periodically at the time
 * of Nimbus's clock, so a test that moves the clock sees items expire at the next sweep. Runs never
 * overlap; stop() waits for the one in progress. The timer does not keep the process alive.
 *
 * The interval is `dynamodbSweepInterval` seconds (NIMBUS_DYNAMODB_SWEEP_INTERVAL, default 30;
 * 0 turns the sweeps off). AWS deletes expired items "within a few days"; Nimbus is prompter.
 */
import { periodically } from '../../periodic-work.js';
import type { BackgroundEnvironment, BackgroundWork } from '../../service.js';
import type { DynamoStore } from './index.js';
import { sweep } from './sweeps.js';

export function startSweeps(store: DynamoStore, env: BackgroundEnvironment): BackgroundWork | undefined {
  store.endpointAddress = env.listenAddress;
  return periodically(env.config.dynamodbSweepInterval, env.log, 'dynamodb', async () => {
    const report = await sweep(store, env.clock.now().getTime());
    if (report.expiredItems) env.log.info(`dynamodb: ${report.expiredItems} expired item(s) deleted by TTL`);
  });
}
