/**
 * Amazon S3 (rest-xml). Handlers are grouped by area in handlers/; see README.md for what works
 * and how it differs from AWS.
 */
import { defineService } from '../service.js';
import { s3Access } from './authorization.js';
import { s3BrowserRoutes } from './browser/index.js';
import type { Operations } from './generated/operations.js';
import { configHandlers } from './handlers/config.js';
import { coreHandlers } from './handlers/core.js';
import { objectExtraHandlers } from './handlers/object-extras.js';
import { startLifecycleSweeps } from './lifecycle/background.js';
import { stopMd5Worker } from './domain/checksums/md5-worker.js';
import { checkDocumentBody } from './domain/document-integrity.js';
import { createStore, migrations, type S3Store } from './store.js';

export const s3 = defineService<Operations, S3Store>({
  model: 's3',
  migrations,
  createStore,
  // S3 checks its own inputs, with its own error codes (InvalidArgument, InvalidBucketName …).
  validation: { kind: 'none' },
  iamPrefix: 's3',
  // IAM actions, bucket policies, ACLs, Block Public Access, anonymous callers: authorization.ts.
  ...s3Access,
  // Object and part blobs the rows refer to; any other blob (a crash between file and row) is swept at start-up.
  referencedBlobs: (store) => store.referencedBlobs(),
  // Form uploads, CORS preflights and headers, website endpoints: browser/.
  ...s3BrowserRoutes,
  // Content-MD5 and x-amz-checksum-* on document bodies (DeleteObjects, PutBucketTagging …), checked before parsing.
  checkRequestBody: checkDocumentBody,
  handlers: {
    ...coreHandlers,
    ...configHandlers,
    ...objectExtraHandlers,
  },
  // Lifecycle rules applied in the background (expirations, transitions, aborted uploads): lifecycle/.
  start: startLifecycleSweeps,
  // The MD5 worker of large uploads ends with Nimbus.
  stop: () => stopMd5Worker(),
});
