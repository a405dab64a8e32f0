import { paginateByIndex } from '../domain/pagination.js';
import type { ListPolicyVersionsRequest, ListPolicyVersionsResponse, PolicyVersion } from '../generated/types.js';
import { findManagedPolicy, type Ctx } from '../lookup.js';

/** Newest first, without documents. https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListPolicyVersions.html */
export function listPolicyVersions(input: ListPolicyVersionsRequest, ctx: Ctx): ListPolicyVersionsResponse {
  const found = findManagedPolicy(ctx, input.PolicyArn, 'get');
  let versions: PolicyVersion[];
  if (found.kind === 'aws') {
    versions = [{ VersionId: `v${found.policy.defaultVersion}`, IsDefaultVersion: true, CreateDate: found.policy.updateDate }];
  } else {
    const p = found.policy;
    versions = ctx.store.policies.versions(p.policyId).map((v) => ({ VersionId: `v${v.version}`, IsDefaultVersion: v.version === p.defaultVersion, CreateDate: v.createDate }));
  }
  const page = paginateByIndex(versions, input.Marker, input.MaxItems);
  return { Versions: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
}
