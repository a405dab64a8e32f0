/**
 * DescribeParameters' and GetParametersByPath's filters, checked as AWS checks them and turned
 * into store filters. https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_ParameterStringFilter.html
 *
 * - DescribeParameters: Name, Type, KeyId, Path, Tier, DataType and tag:<key> (not Label);
 *   options Equals and BeginsWith, Name also Contains, Path Recursive or OneLevel (default).
 *   A tag filter without values matches parameters that have the tag at all. The legacy
 *   `Filters` (Name, Type, KeyId; exact matches) can't be combined with ParameterFilters.
 * - GetParametersByPath: Type and KeyId (Equals, BeginsWith) and Label (Equals only).
 * - Each key at most once; values are OR'ed, filters AND'ed. Names compare without their
 *   leading slash, as parameters are keyed.
 */
import type { DescribeParametersRequest, ParameterStringFilter, ParametersFilter } from '../generated/types.js';
import type { MatchOption, StoreFilter } from '../store.js';
import { SsmErrors } from './errors.js';
import { nameKey, validatePath } from './names.js';

const TYPES = ['String', 'StringList', 'SecureString'];
const TIERS = ['Standard', 'Advanced', 'Intelligent-Tiering'];
const COLUMN = { Name: 'name', Type: 'type', KeyId: 'key_id', Tier: 'tier', DataType: 'data_type' } as const;

function option(f: ParameterStringFilter, allowed: string[], fallback: string): string {
  const o = f.Option ?? fallback;
  if (!allowed.includes(o)) throw SsmErrors.invalidFilterOption(o, allowed.join(', '));
  return o;
}

function checkValues(key: string, values: string[]): void {
  const valid = key === 'Type' ? TYPES : key === 'Tier' ? TIERS : undefined;
  const bad = valid && values.find((v) => !valid.includes(v));
  if (bad !== undefined && valid) throw SsmErrors.invalidFilterValue(bad, valid.join(', '));
}

function pathFilter(f: ParameterStringFilter, values: string[]): StoreFilter {
  const o = option(f, ['Recursive', 'OneLevel'], 'OneLevel');
  if (values.some((v) => /^\/?(aws|ssm)/i.test(v))) throw SsmErrors.commonPathFilter();
  return { field: 'path', recursive: o === 'Recursive', values: values.map(validatePath) };
}

function describeFilter(f: ParameterStringFilter): StoreFilter {
  const key = f.Key;
  if (key.startsWith('tag:')) {
    const o = option(f, ['BeginsWith', 'Equals'], 'Equals') as MatchOption;
    return { field: 'tag', tagKey: key.slice(4), option: o, values: f.Values?.length ? f.Values : undefined };
  }
  if (!(key in COLUMN) && key !== 'Path') throw SsmErrors.invalidFilterKey(key, 'Path, Name, Type, KeyId, Tier');
  const values = f.Values ?? [];
  if (!values.length) throw SsmErrors.missingFilterValues(key);
  if (key === 'Path') return pathFilter(f, values);
  const o = option(f, key === 'Name' ? ['BeginsWith', 'Equals', 'Contains'] : ['BeginsWith', 'Equals'], 'Equals') as MatchOption;
  checkValues(key, values);
  const field = COLUMN[key as keyof typeof COLUMN];
  return { field, option: o, values: field === 'name' ? values.map(nameKey) : values };
}

function legacyFilter(f: ParametersFilter): StoreFilter {
  const field = COLUMN[f.Key];
  return { field, option: 'Equals', values: field === 'name' ? f.Values.map(nameKey) : f.Values };
}

function noDuplicates(filters: { Key: string }[]): void {
  const seen = new Set<string>();
  for (const f of filters) {
    if (seen.has(f.Key)) throw SsmErrors.duplicateFilter(f.Key);
    seen.add(f.Key);
  }
}

export function describeFilters(input: DescribeParametersRequest): StoreFilter[] {
  if (input.Filters?.length && input.ParameterFilters?.length) throw SsmErrors.bothFilterKinds();
  if (input.Filters?.length) {
    noDuplicates(input.Filters);
    return input.Filters.map(legacyFilter);
  }
  const filters = input.ParameterFilters ?? [];
  if (filters.some((f) => f.Key === 'Label')) throw SsmErrors.invalidFilterKey('Label', 'Path, Name, Type, KeyId, Tier');
  noDuplicates(filters);
  return filters.map(describeFilter);
}

export function byPathFilters(filters: ParameterStringFilter[] | undefined): StoreFilter[] {
  const list = filters ?? [];
  for (const f of list) if (!['Type', 'KeyId', 'Label'].includes(f.Key)) throw SsmErrors.invalidFilterKey(f.Key, 'Type, KeyId');
  noDuplicates(list);
  return list.map((f): StoreFilter => {
    const values = f.Values ?? [];
    if (!values.length) throw SsmErrors.missingFilterValues(f.Key);
    if (f.Key === 'Label') {
      option(f, ['Equals'], 'Equals');
      return { field: 'label', values };
    }
    const o = option(f, ['BeginsWith', 'Equals'], 'Equals') as MatchOption;
    checkValues(f.Key, values);
    return { field: f.Key === 'Type' ? 'type' : 'key_id', option: o, values };
  });
}
