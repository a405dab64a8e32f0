/** Bucket configuration subresources: tagging, CORS, policy, ACL, lifecycle, website … */
import type { Handlers } from '../../service.js';
import type { Operations } from '../generated/operations.js';
import type { S3Store } from '../store.js';

export const configHandlers: Handlers<Operations, S3Store> = {};
