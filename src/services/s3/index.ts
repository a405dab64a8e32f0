/**
 * Amazon S3 (rest-xml). Handlers are grouped by area in handlers/; see README.md for what works
 * and how it differs from AWS.
 */
import { defineService } from '../service.js';
import type { Operations } from './generated/operations.js';
import { configHandlers } from './handlers/config.js';
import { coreHandlers } from './handlers/core.js';
import { createStore, migrations, type S3Store } from './store.js';

export const s3 = defineService<Operations, S3Store>({
  model: 's3',
  migrations,
  createStore,
  // S3 checks its own inputs, with its own error codes (InvalidArgument, InvalidBucketName …).
  validation: { kind: 'none' },
  iamPrefix: 's3',
  handlers: {
    ...coreHandlers,
    ...configHandlers,
  },
});
