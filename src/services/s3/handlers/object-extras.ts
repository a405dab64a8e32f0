/**
 * Object subresources: tags, ACLs, Object Lock (legal hold and retention), GetObjectAttributes and
 * RestoreObject. Each reads or changes one object version's attributes document in place
 * (operations/object-subresource.ts); none writes a new version.
 */
import type { Handlers } from '../../service.js';
import type { Operations } from '../generated/operations.js';
import { deleteObjectTagging } from '../operations/delete-object-tagging.js';
import { getObjectAcl } from '../operations/get-object-acl.js';
import { getObjectAttributes } from '../operations/get-object-attributes.js';
import { getObjectLegalHold } from '../operations/get-object-legal-hold.js';
import { getObjectRetention } from '../operations/get-object-retention.js';
import { getObjectTagging } from '../operations/get-object-tagging.js';
import { putObjectAcl } from '../operations/put-object-acl.js';
import { putObjectLegalHold } from '../operations/put-object-legal-hold.js';
import { putObjectRetention } from '../operations/put-object-retention.js';
import { putObjectTagging } from '../operations/put-object-tagging.js';
import { restoreObject } from '../operations/restore-object.js';
import type { S3Store } from '../store.js';

export const objectExtraHandlers = {
  PutObjectTagging: putObjectTagging,
  GetObjectTagging: getObjectTagging,
  DeleteObjectTagging: deleteObjectTagging,
  PutObjectAcl: putObjectAcl,
  GetObjectAcl: getObjectAcl,
  PutObjectLegalHold: putObjectLegalHold,
  GetObjectLegalHold: getObjectLegalHold,
  PutObjectRetention: putObjectRetention,
  GetObjectRetention: getObjectRetention,
  GetObjectAttributes: getObjectAttributes,
  RestoreObject: restoreObject,
} satisfies Handlers<Operations, S3Store>;
