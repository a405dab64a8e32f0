/**
 * Condition operator names: the base operators, the `…IfExists` suffix (every operator but Null)
 * and the `ForAllValues:` / `ForAnyValue:` set qualifiers.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 */
import type { Comparison, Family } from './matchers.js';

export interface BaseOperator {
  readonly name: string;
  readonly family: Family;
  readonly how: Comparison;
  /** Negated matching: true where no policy value matches (and where the key is absent). */
  readonly negated: boolean;
  /** String and ARN operators accept policy variables in their values. */
  readonly variables: boolean;
  /** Wildcards (`*`, `?`) apply to the values. */
  readonly wildcards: boolean;
}

function op(name: string, family: Family, extra: Partial<BaseOperator> = {}): BaseOperator {
  return { name, family, how: 'eq', negated: false, variables: false, wildcards: false, ...extra };
}

const str = { variables: true };
const like = { variables: true, wildcards: true };

const BASE: readonly BaseOperator[] = [
  op('StringEquals', 'string', str),
  op('StringNotEquals', 'string', { ...str, negated: true }),
  op('StringEqualsIgnoreCase', 'string-ignore-case', str),
  op('StringNotEqualsIgnoreCase', 'string-ignore-case', { ...str, negated: true }),
  op('StringLike', 'string-like', like),
  op('StringNotLike', 'string-like', { ...like, negated: true }),
  op('NumericEquals', 'numeric'),
  op('NumericNotEquals', 'numeric', { negated: true }),
  op('NumericLessThan', 'numeric', { how: 'lt' }),
  op('NumericLessThanEquals', 'numeric', { how: 'le' }),
  op('NumericGreaterThan', 'numeric', { how: 'gt' }),
  op('NumericGreaterThanEquals', 'numeric', { how: 'ge' }),
  op('DateEquals', 'date'),
  op('DateNotEquals', 'date', { negated: true }),
  op('DateLessThan', 'date', { how: 'lt' }),
  op('DateLessThanEquals', 'date', { how: 'le' }),
  op('DateGreaterThan', 'date', { how: 'gt' }),
  op('DateGreaterThanEquals', 'date', { how: 'ge' }),
  op('Bool', 'bool'),
  op('BinaryEquals', 'binary'),
  op('IpAddress', 'ip'),
  op('NotIpAddress', 'ip', { negated: true }),
  // ArnEquals and ArnLike behave alike: both take wildcards in each ARN part.
  op('ArnEquals', 'arn', like),
  op('ArnLike', 'arn', like),
  op('ArnNotEquals', 'arn', { ...like, negated: true }),
  op('ArnNotLike', 'arn', { ...like, negated: true }),
  op('Null', 'null'),
];

const BY_NAME = new Map(BASE.map((b) => [b.name.toLowerCase(), b]));

export type SetOperator = 'none' | 'all' | 'any';

export interface ParsedOperator {
  readonly text: string;
  readonly base: BaseOperator;
  readonly set: SetOperator;
  readonly ifExists: boolean;
}

/** Undefined for a name IAM does not know. */
export function parseOperator(text: string): ParsedOperator | undefined {
  let rest = text;
  let set: SetOperator = 'none';
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const qualifier = rest.slice(0, colon).toLowerCase();
    if (qualifier === 'forallvalues') set = 'all';
    else if (qualifier === 'foranyvalue') set = 'any';
    else return undefined;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  let base = BY_NAME.get(rest.toLowerCase());
  if (!base && rest.toLowerCase().endsWith('ifexists')) {
    base = BY_NAME.get(rest.slice(0, -'IfExists'.length).toLowerCase());
    ifExists = true;
    if (base?.family === 'null') return undefined;
  }
  if (!base) return undefined;
  return { text, base, set, ifExists };
}
