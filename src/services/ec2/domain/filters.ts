/**
 * EC2's `Filter.N.Name` / `Filter.N.Value.M`: a resource matches when, for every filter, one of
 * its values matches. Values may use `*` (any run of characters) and `?` (one character).
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_Filtering.html
 */
import type { Filter } from '../generated/types.js';
import { Ec2Errors } from './errors.js';

function wildcard(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 's');
}

/** The values a resource has for each filter name (several for multi-valued attributes). */
export type FilterValues<T> = Record<string, (resource: T) => (string | undefined)[]>;

export function applyFilters<T>(items: readonly T[], filters: readonly Filter[] | undefined, fields: FilterValues<T>): T[] {
  if (!filters?.length) return [...items];
  const compiled = filters.map((f) => {
    const name = f.Name ?? '';
    const get = fields[name];
    if (!get) throw Ec2Errors.invalidFilter(name);
    return { get, patterns: (f.Values ?? []).map(wildcard) };
  });
  return items.filter((item) => compiled.every(({ get, patterns }) => {
    const values = get(item).filter((v): v is string => v !== undefined);
    return patterns.some((p) => values.some((v) => p.test(v)));
  }));
}
