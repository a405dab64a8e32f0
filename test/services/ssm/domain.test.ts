/** The pure Parameter Store rules, without a server. */
import { describe, expect, it } from 'vitest';
import { opaqueCiphertext } from '../../../src/services/ssm/domain/ciphertext.js';
import { byPathFilters, describeFilters } from '../../../src/services/ssm/domain/filters.js';
import { isValidLabel } from '../../../src/services/ssm/domain/labels.js';
import { nameKey, parentPath, parseReference, validateNewName, validatePath } from '../../../src/services/ssm/domain/names.js';
import { decodeToken, encodeToken, page, queryDigest } from '../../../src/services/ssm/domain/pagination.js';
import { resolveTier } from '../../../src/services/ssm/domain/tiers.js';

const scope = { accountId: '123456789012', region: 'eu-west-1' };

function errorName(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return (e as Error).name;
  }
}

describe('names', () => {
  it('keys parameters without the leading slash and finds their hierarchy', () => {
    expect(nameKey('/a/b/c')).toBe('a/b/c');
    expect(nameKey('top')).toBe('top');
    expect(parentPath('a/b/c')).toBe('a/b');
    expect(parentPath('top')).toBe('');
  });

  it('trims spaces around a new name and classifies bad ones', () => {
    expect(validateNewName('  /x/y ')).toBe('/x/y');
    expect(errorName(() => validateNewName('x y'))).toBe('ValidationException');
    expect(errorName(() => validateNewName('AWS-thing'))).toBe('AccessDeniedException');
    expect(errorName(() => validateNewName('Ssm.thing'))).toBe('ValidationException');
    expect(errorName(() => validateNewName('/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p'))).toBe('HierarchyLevelLimitExceededException');
  });

  it('reads names, ARNs and selectors', () => {
    expect(parseReference('/a/b:12', scope, true)).toEqual({ key: 'a/b', selector: { kind: 'version', version: 12, text: ':12' } });
    expect(parseReference('name:prod', scope, true)).toEqual({ key: 'name', selector: { kind: 'label', label: 'prod', text: ':prod' } });
    expect(parseReference('arn:aws:ssm:eu-west-1:123456789012:parameter/a/b', scope, true)).toEqual({ key: 'a/b' });
    expect(parseReference('arn:aws:ssm:eu-west-1:123456789012:parameter/top:3', scope, true)).toMatchObject({ key: 'top', selector: { version: 3 } });
    expect(parseReference('arn:aws:ssm:us-east-1:123456789012:parameter/a', scope, true)).toBeUndefined();
    expect(parseReference('a:1:2', scope, true)).toBeUndefined();
    expect(parseReference('bad name', scope, false)).toBeUndefined();
    expect(errorName(() => parseReference('bad name', scope, true))).toBe('ValidationException');
  });

  it('checks paths', () => {
    expect(validatePath('/')).toBe('');
    expect(validatePath('/a/b/')).toBe('a/b');
    expect(validatePath('/aws/service')).toBe('aws/service');
    for (const bad of ['a', '//', '/a//b', '/ssm', '/a b']) expect(errorName(() => validatePath(bad))).toBe('ValidationException');
  });
});

describe('tiers', () => {
  it('resolves the tier from the request, the parameter and the value', () => {
    expect(resolveTier(undefined, undefined, 10, false)).toBe('Standard');
    expect(resolveTier(undefined, 'Advanced', 10, false)).toBe('Advanced');
    expect(resolveTier('Intelligent-Tiering', undefined, 4097, false)).toBe('Advanced');
    expect(resolveTier('Intelligent-Tiering', undefined, 4096, false)).toBe('Standard');
    expect(errorName(() => resolveTier('Standard', 'Advanced', 1, false))).toBe('ValidationException');
    expect(errorName(() => resolveTier(undefined, undefined, 5000, false))).toBe('ValidationException');
    expect(errorName(() => resolveTier('Advanced', undefined, 8193, false))).toBe('ValidationException');
  });
});

describe('labels', () => {
  it('follows the naming rules', () => {
    expect(isValidLabel('Prod_1.0-a')).toBe(true);
    for (const bad of ['1st', 'awsLabel', 'SSMx', 'a/b', 'a b', 'x'.repeat(101)]) expect(isValidLabel(bad)).toBe(false);
  });
});

describe('filters', () => {
  it('normalizes DescribeParameters filters', () => {
    expect(describeFilters({ ParameterFilters: [{ Key: 'Name', Option: 'Contains', Values: ['/x'] }, { Key: 'Path', Values: ['/a/'] }, { Key: 'tag:t' }] })).toEqual([
      { field: 'name', option: 'Contains', values: ['x'] },
      { field: 'path', recursive: false, values: ['a'] },
      { field: 'tag', tagKey: 't', option: 'Equals', values: undefined },
    ]);
    expect(describeFilters({ Filters: [{ Key: 'KeyId', Values: ['k'] }] })).toEqual([{ field: 'key_id', option: 'Equals', values: ['k'] }]);
    expect(errorName(() => describeFilters({ ParameterFilters: [{ Key: 'Names', Values: ['x'] }] }))).toBe('InvalidFilterKey');
  });

  it('allows only Type, KeyId and Label by path', () => {
    expect(byPathFilters([{ Key: 'Label', Values: ['p'] }])).toEqual([{ field: 'label', values: ['p'] }]);
    expect(errorName(() => byPathFilters([{ Key: 'Tier', Values: ['Standard'] }]))).toBe('InvalidFilterKey');
  });
});

describe('pagination and ciphertext', () => {
  it('round-trips tokens bound to their query', () => {
    const q = queryDigest(['x', 1]);
    expect(decodeToken<string>(encodeToken('a/b', q), q, 'string')).toBe('a/b');
    expect(errorName(() => decodeToken(encodeToken('a/b', q), queryDigest(['y']), 'string'))).toBe('InvalidNextToken');
    expect(errorName(() => decodeToken(encodeToken(3, q), q, 'string'))).toBe('InvalidNextToken');
    expect(decodeToken(undefined, q, 'string')).toBeUndefined();
    expect(page([1, 2, 3], 2, (n) => n, q)).toMatchObject({ items: [1, 2] });
    expect(page([1, 2], 2, (n) => n, q).NextToken).toBeUndefined();
  });

  it('hides the value and changes with the version', () => {
    const a = opaqueCiphertext('1', 'r', 'k', 1, 'alias/aws/ssm', 'secret');
    expect(opaqueCiphertext('1', 'r', 'k', 1, 'alias/aws/ssm', 'secret')).toBe(a);
    expect(opaqueCiphertext('1', 'r', 'k', 2, 'alias/aws/ssm', 'secret')).not.toBe(a);
    expect(Buffer.from(a, 'base64').includes('secret')).toBe(false);
  });
});
