/**
 * IAM's errors with AWS's messages. (seen): quoted from AWS answers in public bug reports found
 * while writing this; (recalled): AWS's wording as remembered, not re-checked; unmarked: following
 * AWS's wording for the same family of errors, listed as unverified in README.md. Codes and statuses come from the model (NoSuchEntity 404,
 * EntityAlreadyExists/DeleteConflict/LimitExceeded 409, InvalidAuthenticationCode 403 …).
 */
import {
  DeleteConflictException,
  EntityAlreadyExistsException,
  InvalidAuthenticationCodeException,
  InvalidInputException,
  LimitExceededException,
  MalformedPolicyDocumentException,
  NoSuchEntityException,
  PasswordPolicyViolationException,
  PolicyNotAttachableException,
  UnmodifiableEntityException,
} from '../generated/errors.js';

export const IamErrors = {
  // --- NoSuchEntity ------------------------------------------------------------------------
  /** (seen) */
  noSuchUser: (name: string) => new NoSuchEntityException(`The user with name ${name} cannot be found.`),
  /** (seen) */
  noSuchRole: (name: string) => new NoSuchEntityException(`The role with name ${name} cannot be found.`),
  /** (seen) */
  noSuchGroup: (name: string) => new NoSuchEntityException(`The group with name ${name} cannot be found.`),
  /** (recalled) AttachXPolicy / boundaries with an unknown policy. */
  notAttachable: (arn: string) => new NoSuchEntityException(`Policy ${arn} does not exist or is not attachable.`),
  /** (recalled) GetPolicy, DetachXPolicy of a policy that is not attached. */
  policyNotFound: (arn: string) => new NoSuchEntityException(`Policy ${arn} was not found.`),
  noSuchPolicyVersion: (arn: string, versionId: string) => new NoSuchEntityException(`Policy ${arn} version ${versionId} does not exist.`),
  /** (seen) */
  noSuchInlinePolicy: (owner: 'user' | 'role' | 'group', policyName: string) =>
    new NoSuchEntityException(`The ${owner} policy with name ${policyName} cannot be found.`),
  noSuchAccessKey: (id: string) => new NoSuchEntityException(`The Access Key with id ${id} cannot be found.`),
  /** (seen) */
  noSuchLoginProfile: (userName: string) => new NoSuchEntityException(`Login Profile for User ${userName} cannot be found.`),
  /** (seen) */
  noSuchInstanceProfile: (name: string) => new NoSuchEntityException(`Instance Profile ${name} cannot be found.`),
  noSuchMfaDevice: (serial: string) => new NoSuchEntityException(`MFA Device with serial number ${serial} does not exist.`),
  noSuchVirtualMfaDevice: (serial: string) => new NoSuchEntityException(`VirtualMFADevice with serial number ${serial} doesn't exist.`),
  noSuchOidcProvider: (arn: string) => new NoSuchEntityException(`OpenIDConnect Provider not found for arn ${arn}`),
  /** (recalled) AWS words it this way, naming the account as a "domain". */
  noPasswordPolicy: (accountId: string) => new NoSuchEntityException(`The Password Policy with domain name ${accountId} cannot be found.`),
  userNotInGroup: (userName: string, groupName: string) => new NoSuchEntityException(`User ${userName} is not in group ${groupName}.`),
  noSuchDeletionTask: (id: string) => new NoSuchEntityException(`Deletion task ${id} cannot be found.`),

  // --- EntityAlreadyExists -------------------------------------------------------------------
  /** (recalled) */
  userExists: (name: string) => new EntityAlreadyExistsException(`User with name ${name} already exists.`),
  /** (recalled) */
  roleExists: (name: string) => new EntityAlreadyExistsException(`Role with name ${name} already exists.`),
  /** (recalled) */
  groupExists: (name: string) => new EntityAlreadyExistsException(`Group with name ${name} already exists.`),
  /** (recalled) */
  policyExists: (name: string) => new EntityAlreadyExistsException(`A policy called ${name} already exists. Duplicate names are not allowed.`),
  /** (recalled) */
  instanceProfileExists: (name: string) => new EntityAlreadyExistsException(`Instance Profile ${name} already exists.`),
  loginProfileExists: (userName: string) => new EntityAlreadyExistsException(`Login Profile for user ${userName} already exists.`),
  /** (recalled) */
  mfaExists: () => new EntityAlreadyExistsException('MFADevice entity at the same path and name already exists.'),
  mfaInUse: () => new EntityAlreadyExistsException('MFA Device is already in use.'),
  /** (recalled) */
  oidcExists: (url: string) => new EntityAlreadyExistsException(`Provider with url ${url} already exists.`),
  aliasExists: (alias: string) => new EntityAlreadyExistsException(`The account alias ${alias} already exists.`),

  // --- DeleteConflict --------------------------------------------------------------------------
  /** (seen, for login profile, access keys, MFA device, policies, users from group) */
  mustDeleteFirst: (what: string) => new DeleteConflictException(`Cannot delete entity, must ${what} first.`),
  /** (recalled) */
  policyAttached: () => new DeleteConflictException('Cannot delete a policy attached to entities.'),
  /** (recalled) */
  defaultVersion: () => new DeleteConflictException('Cannot delete the default version of a policy.'),
  mfaStillInUse: () => new DeleteConflictException('MFA device is still in use.'),

  // --- LimitExceeded ----------------------------------------------------------------------------
  /** (seen: AccessKeysPerUser: 2, PolicySize: 6144, ACLSizePerRole: 2048, PoliciesPerRole) */
  quota: (name: string, value: number) => new LimitExceededException(`Cannot exceed quota for ${name}: ${value}`),
  /** (seen) the aggregate size of a principal's inline policies. */
  inlineSize: (limit: number, owner: 'user' | 'role' | 'group', name: string) =>
    new LimitExceededException(`Maximum policy size of ${limit} bytes exceeded for ${owner} ${name}`),
  /** (seen) */
  tooManyVersions: () =>
    new LimitExceededException('A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.'),
  tooManyTags: () => new LimitExceededException('The number of tags has reached the maximum limit.'),

  // --- input ----------------------------------------------------------------------------------------
  invalidInput: (message: string) => new InvalidInputException(message),
  /** (recalled) */
  invalidArn: (arn: string) => new InvalidInputException(`ARN ${arn} is not valid.`),
  /** (recalled) */
  duplicateTagKeys: () => new InvalidInputException('Duplicate tag keys found. Please note that Tag keys are case insensitive.'),
  invalidMarker: () => new InvalidInputException('Invalid Marker.'),
  malformedPolicy: (message: string) => new MalformedPolicyDocumentException(message),
  /** (recalled) */
  invalidAuthenticationCode: () => new InvalidAuthenticationCodeException('Authentication code for device is not valid.'),
  passwordPolicy: (message: string) => new PasswordPolicyViolationException(message),
  notAttachableAwsOnly: (arn: string) => new PolicyNotAttachableException(`Policy ${arn} is not attachable.`),
  serviceLinkedRole: (name: string) =>
    new UnmodifiableEntityException(`Cannot perform the operation on the protected role '${name}' - this role is only modifiable by AWS`),
  rootKeys: () =>
    new InvalidInputException('Nimbus does not issue access keys for the root user: the conventional keys (test, 12-digit keys) act as account roots.'),
};
