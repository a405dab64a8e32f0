/** Buckets, objects, listing, versioning and multipart uploads: one operation per file in operations/. */
import type { Handlers } from '../../service.js';
import type { Operations } from '../generated/operations.js';
import { abortMultipartUpload } from '../operations/abort-multipart-upload.js';
import { completeMultipartUpload } from '../operations/complete-multipart-upload.js';
import { createMultipartUpload } from '../operations/create-multipart-upload.js';
import { listMultipartUploads } from '../operations/list-multipart-uploads.js';
import { listParts } from '../operations/list-parts.js';
import { uploadPartCopy } from '../operations/upload-part-copy.js';
import { uploadPart } from '../operations/upload-part.js';
import { copyObject } from '../operations/copy-object.js';
import { createBucket } from '../operations/create-bucket.js';
import { deleteBucket } from '../operations/delete-bucket.js';
import { deleteObject } from '../operations/delete-object.js';
import { deleteObjects } from '../operations/delete-objects.js';
import { getBucketLocation } from '../operations/get-bucket-location.js';
import { getBucketVersioning } from '../operations/get-bucket-versioning.js';
import { getObject } from '../operations/get-object.js';
import { headBucket } from '../operations/head-bucket.js';
import { headObject } from '../operations/head-object.js';
import { listBuckets } from '../operations/list-buckets.js';
import { listObjectVersions } from '../operations/list-object-versions.js';
import { listObjects } from '../operations/list-objects.js';
import { listObjectsV2 } from '../operations/list-objects-v2.js';
import { putBucketVersioning } from '../operations/put-bucket-versioning.js';
import { putObject } from '../operations/put-object.js';
import type { S3Store } from '../store.js';

export const coreHandlers = {
  CreateBucket: createBucket,
  HeadBucket: headBucket,
  DeleteBucket: deleteBucket,
  ListBuckets: listBuckets,
  GetBucketLocation: getBucketLocation,
  PutBucketVersioning: putBucketVersioning,
  GetBucketVersioning: getBucketVersioning,
  PutObject: putObject,
  GetObject: getObject,
  HeadObject: headObject,
  DeleteObject: deleteObject,
  DeleteObjects: deleteObjects,
  CopyObject: copyObject,
  ListObjects: listObjects,
  ListObjectsV2: listObjectsV2,
  ListObjectVersions: listObjectVersions,
  CreateMultipartUpload: createMultipartUpload,
  UploadPart: uploadPart,
  UploadPartCopy: uploadPartCopy,
  CompleteMultipartUpload: completeMultipartUpload,
  AbortMultipartUpload: abortMultipartUpload,
  ListParts: listParts,
  ListMultipartUploads: listMultipartUploads,
} satisfies Handlers<Operations, S3Store>;
