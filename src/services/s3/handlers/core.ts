/** Buckets, objects, listing, versioning and multipart uploads. */
import type { Handlers } from '../../service.js';
import type { Operations } from '../generated/operations.js';
import type { S3Store } from '../store.js';

export const coreHandlers: Handlers<Operations, S3Store> = {};
