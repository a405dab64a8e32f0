/** Buckets, objects, listing, versioning and multipart uploads: one operation per file in operations/. */
import type { Handlers } from '../../service.js';
import type { Operations } from '../generated/operations.js';
import { createBucket } from '../operations/create-bucket.js';
import { deleteBucket } from '../operations/delete-bucket.js';
import { deleteObject } from '../operations/delete-object.js';
import { getBucketLocation } from '../operations/get-bucket-location.js';
import { getObject } from '../operations/get-object.js';
import { headBucket } from '../operations/head-bucket.js';
import { headObject } from '../operations/head-object.js';
import { listBuckets } from '../operations/list-buckets.js';
import { listObjectVersions } from '../operations/list-object-versions.js';
import { listObjects } from '../operations/list-objects.js';
import { listObjectsV2 } from '../operations/list-objects-v2.js';
import { putObject } from '../operations/put-object.js';
import type { S3Store } from '../store.js';

export const coreHandlers = {
  CreateBucket: createBucket,
  HeadBucket: headBucket,
  DeleteBucket: deleteBucket,
  ListBuckets: listBuckets,
  GetBucketLocation: getBucketLocation,
  PutObject: putObject,
  GetObject: getObject,
  HeadObject: headObject,
  DeleteObject: deleteObject,
  ListObjects: listObjects,
  ListObjectsV2: listObjectsV2,
  ListObjectVersions: listObjectVersions,
} satisfies Handlers<Operations, S3Store>;
