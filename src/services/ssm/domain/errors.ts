/**
 * Parameter Store's errors with AWS's messages. Messages quoted from AWS responses (collected in
 * the README with their sources); where AWS's text is not known, the message is the error's
 * description from the API reference, or empty where AWS sends none (ParameterNotFound).
 */
import {
  AccessDeniedException,
  HierarchyLevelLimitExceededException,
  IncompatiblePolicyException,
  InvalidAllowedPatternException,
  InvalidFilterKey,
  InvalidFilterOption,
  InvalidFilterValue,
  InvalidNextToken,
  InvalidPolicyAttributeException,
  InvalidPolicyTypeException,
  InvalidResourceId,
  InvalidResourceType,
  ParameterAlreadyExists,
  ParameterMaxVersionLimitExceeded,
  ParameterNotFound,
  ParameterPatternMismatchException,
  ParameterVersionLabelLimitExceeded,
  ParameterVersionNotFound,
  TooManyTagsError,
  ValidationException,
} from '../generated/errors.js';

const STANDARD_TIER_DOC = 'https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html';

export const SsmErrors = {
  /** AWS answers a missing parameter with no message at all. */
  parameterNotFound: () => new ParameterNotFound(''),
  versionNotFound: (name: string, version: number | string) =>
    new ParameterVersionNotFound(`Systems Manager could not find version ${version} of ${name}. Verify the version and try again.`),
  alreadyExists: () =>
    new ParameterAlreadyExists('The parameter already exists. To overwrite this value, set the overwrite option in the request to true.'),
  invalidName: () =>
    new ValidationException(
      'Parameter name: can\'t be prefixed with "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_',
    ),
  reservedName: (name: string) => new AccessDeniedException(`No access to reserved parameter name: ${name}.`),
  /** GetParametersByPath's Path and DescribeParameters' Path filter (AWS's text has the backslashes). */
  invalidPath: () =>
    new ValidationException(
      'The parameter doesn\'t meet the parameter name requirements. The parameter name must begin with a forward slash "/". It can\'t be prefixed with \\"aws\\" or \\"ssm\\" (case-insensitive). It must use only letters, numbers, or the following symbols: . (period), - (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if specified, must use the forward slash symbol "/". Valid example: /get/parameters2-/by1./path0_.',
    ),
  hierarchyTooDeep: () =>
    new HierarchyLevelLimitExceededException(
      'A hierarchy can have a maximum of 15 levels. For more information, see Requirements and constraints for parameter names in the Amazon Web Services Systems Manager User Guide.',
    ),
  tagsWithOverwrite: () =>
    new ValidationException(
      "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource.",
    ),
  typeRequired: () => new ValidationException('A parameter type is required when you create a parameter.'),
  unsupportedDataType: (dataType: string) =>
    new ValidationException(`The following data type is not supported: ${dataType} (Data type names are all lowercase.)`),
  standardTooLarge: () =>
    new ValidationException(
      `Standard tier parameters support a maximum parameter value of 4096 characters. To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier. For more information, see ${STANDARD_TIER_DOC}`,
    ),
  advancedTooLarge: () =>
    new ValidationException('The specified parameter value is too large. Advanced-tier parameters support a maximum parameter value of 8192 characters.'),
  tierDowngrade: () =>
    new ValidationException(
      "This parameter uses the advanced-parameter tier. You can't downgrade a parameter from the advanced-parameter tier to the standard-parameter tier. If necessary, you can delete the advanced parameter and recreate it as a standard parameter. Be aware that standard parameters have a value limit of 4096 characters.",
    ),
  policiesNeedAdvanced: () =>
    new ValidationException('Parameter policies are supported only for advanced-tier parameters. Use the Advanced or Intelligent-Tiering tier.'),
  invalidPolicyAttribute: (detail: string) => new InvalidPolicyAttributeException(`A policy attribute or its value is invalid: ${detail}`),
  invalidPolicyType: (type: string) =>
    new InvalidPolicyTypeException(
      `The policy type ${type} is not supported. Parameter Store supports the following policy types: Expiration, ExpirationNotification, and NoChangeNotification.`,
    ),
  incompatiblePolicy: () =>
    new IncompatiblePolicyException(
      "There is a conflict in the policies specified for this parameter. You can't, for example, specify two Expiration policies for a parameter. Review your policies, and try again.",
    ),
  invalidAllowedPattern: () => new InvalidAllowedPatternException("The request doesn't meet the regular expression requirement."),
  patternMismatch: (pattern: string) => new ParameterPatternMismatchException(`Parameter value, cannot be validated against allowedPattern: ${pattern}`),
  maxVersions: (name: string, oldest: number) =>
    new ParameterMaxVersionLimitExceeded(
      `You attempted to create a new version of ${name} by calling the PutParameter API with the overwrite flag. Version ${oldest}, the oldest version, can't be deleted because it has a label associated with it. Move the label to another version of the parameter, and try again.`,
    ),
  labelLimit: () =>
    new ParameterVersionLabelLimitExceeded('A parameter version can have maximum 10 labels.Move one or more labels to another version and try again.'),
  bothFilterKinds: () => new ValidationException('You can use either Filters or ParameterFilters in a single request.'),
  invalidFilterKey: (key: string, valid: string) => new InvalidFilterKey(`The following filter key is not valid: ${key}. Valid filter keys include: [${valid}].`),
  duplicateFilter: (key: string) =>
    new InvalidFilterKey(`The following filter is duplicated in the request: ${key}. A request can contain only one occurrence of a specific filter.`),
  invalidFilterOption: (option: string, valid: string) =>
    new InvalidFilterOption(`The following filter option is not valid: ${option}. Valid options include: [${valid}].`),
  invalidFilterValue: (value: string, valid: string) =>
    new InvalidFilterValue(`The following filter value is not valid: ${value}. Valid values include: [${valid}].`),
  missingFilterValues: (key: string) => new InvalidFilterValue(`The following filter values are missing : null for filter key ${key}.`),
  commonPathFilter: () =>
    new ValidationException(
      'Filters for common parameters can\'t be prefixed with "aws" or "ssm" (case-insensitive). When using global parameters, please specify within a global namespace.',
    ),
  invalidNextToken: () => new InvalidNextToken("The specified token isn't valid."),
  invalidResourceId: () => new InvalidResourceId(''),
  invalidResourceType: () => new InvalidResourceType(''),
  tooManyTags: () => new TooManyTagsError('The Targets parameter includes too many tags. Remove one or more tags and try again.'),
};
