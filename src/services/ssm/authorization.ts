/**
 * What each Parameter Store operation needs from IAM: its action on the parameter's ARN
 * (`arn:aws:ssm:REGION:ACCOUNT:parameter/NAME`, the name without its leading slash), and the
 * condition keys AWS defines (`ssm:Overwrite`, tags).
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssystemsmanager.html
 */
import type { AuthorizationScope, OperationAuthorization } from '../service.js';
import type { Operations } from './generated/operations.js';
import type { SsmStore } from './store.js';

type Table = { [K in keyof Operations]?: OperationAuthorization<Operations[K]['input'], SsmStore> };

const ARN = /^(arn:aws[\w-]*:ssm:[^:]*:\d{12}:parameter\/)(.*)$/;

/** A parameter name, ARN or `name:selector` → the parameter's ARN. */
export function parameterArn(raw: string, scope: AuthorizationScope): string {
  if (raw.startsWith('arn:')) {
    const fromArn = ARN.exec(raw);
    if (fromArn) return fromArn[1]! + fromArn[2]!.split(':')[0]!;
  }
  // Runs on every authorized request: plain string work, no regular expressions.
  const colon = raw.indexOf(':');
  const name = colon === -1 ? raw : raw.slice(0, colon);
  return `arn:${scope.partition}:ssm:${scope.region}:${scope.accountId}:parameter/${name.charCodeAt(0) === 47 ? name.slice(1) : name}`;
}

function* tagKeys(tags: readonly { Key: string; Value: string }[] | undefined): Iterable<readonly [string, readonly string[]]> {
  if (!tags?.length) return;
  yield ['aws:tagkeys', tags.map((t) => t.Key)];
  for (const t of tags) yield [`aws:requesttag/${t.Key.toLowerCase()}`, [t.Value]];
}

const byName = { resources: (input: { Name: string }, scope: AuthorizationScope) => parameterArn(input.Name, scope) };
const byNames = { resources: (input: { Names: string[] }, scope: AuthorizationScope) => input.Names.map((n) => parameterArn(n, scope)) };
const byResourceId = { resources: (input: { ResourceId: string }, scope: AuthorizationScope) => parameterArn(input.ResourceId, scope) };

export const authorization: Table = {
  GetParameter: byName,
  GetParameters: byNames,
  GetParameterHistory: byName,
  DeleteParameter: byName,
  DeleteParameters: byNames,
  LabelParameterVersion: byName,
  UnlabelParameterVersion: byName,
  GetParametersByPath: { resources: (input, scope) => parameterArn(input.Path.replace(/(.)\/$/, '$1'), scope) },
  PutParameter: {
    ...byName,
    conditions: function* (input) {
      yield ['ssm:overwrite', [String(input.Overwrite ?? false)]];
      yield* tagKeys(input.Tags);
    },
  },
  AddTagsToResource: { ...byResourceId, conditions: (input) => tagKeys(input.Tags) },
  RemoveTagsFromResource: { ...byResourceId, conditions: (input) => (input.TagKeys.length ? [['aws:tagkeys', input.TagKeys]] : []) },
  ListTagsForResource: byResourceId,
};
