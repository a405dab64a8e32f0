/**
 * AWS Systems Manager (json 1.1): Parameter Store. See README.md for what works and how it
 * differs from AWS.
 */
import { defineService } from '../service.js';
import { authorization } from './authorization.js';
import type { Operations } from './generated/operations.js';
import { addTagsToResource } from './operations/add-tags-to-resource.js';
import { deleteParameter } from './operations/delete-parameter.js';
import { deleteParameters } from './operations/delete-parameters.js';
import { describeParameters } from './operations/describe-parameters.js';
import { getParameter } from './operations/get-parameter.js';
import { getParameterHistory } from './operations/get-parameter-history.js';
import { getParameters } from './operations/get-parameters.js';
import { getParametersByPath } from './operations/get-parameters-by-path.js';
import { labelParameterVersion } from './operations/label-parameter-version.js';
import { listTagsForResource } from './operations/list-tags-for-resource.js';
import { putParameter } from './operations/put-parameter.js';
import { removeTagsFromResource } from './operations/remove-tags-from-resource.js';
import { unlabelParameterVersion } from './operations/unlabel-parameter-version.js';
import { createStore, migrations, type SsmStore } from './store.js';

export const ssm = defineService<Operations, SsmStore>({
  model: 'ssm',
  migrations,
  createStore,
  authorization,
  handlers: {
    PutParameter: putParameter,
    GetParameter: getParameter,
    GetParameters: getParameters,
    GetParametersByPath: getParametersByPath,
    DeleteParameter: deleteParameter,
    DeleteParameters: deleteParameters,
    DescribeParameters: describeParameters,
    GetParameterHistory: getParameterHistory,
    LabelParameterVersion: labelParameterVersion,
    UnlabelParameterVersion: unlabelParameterVersion,
    AddTagsToResource: addTagsToResource,
    RemoveTagsFromResource: removeTagsFromResource,
    ListTagsForResource: listTagsForResource,
  },
});
