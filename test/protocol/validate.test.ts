/** Coral's validation wording, from the model's constraints. */
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/protocol/model/shapes.js';
import { validateInput, validationMessage } from '../../src/protocol/validate/validate.js';

const model = compileModel('t', {
  metadata: { protocol: 'json' },
  operations: { Op: { name: 'Op', input: { shape: 'In' } } },
  shapes: {
    In: {
      type: 'structure',
      required: ['Name'],
      members: {
        Name: { shape: 'Name' },
        Secret: { shape: 'Secret' },
        Count: { shape: 'Count' },
        Kind: { shape: 'Kind' },
        Tags: { shape: 'Tags' },
        Caseless: { shape: 'Caseless' },
      },
    },
    Name: { type: 'string', min: 1, max: 8, pattern: '^[a-z/]+$' },
    Secret: { type: 'string', max: 4, sensitive: true },
    Count: { type: 'integer', min: 1, max: 10 },
    Kind: { type: 'string', enum: ['String', 'StringList'] },
    Tags: { type: 'list', member: { shape: 'Tag' }, max: 2 },
    Tag: { type: 'structure', required: ['Key'], members: { Key: { shape: 'Name' } } },
    Caseless: { type: 'string', pattern: '(?i)all|[0-9]{12}' },
  },
});
const input = model.operations.get('Op')!.input;

describe('validateInput', () => {
  it('reports a missing required member as Coral does', () => {
    expect(validationMessage(validateInput(input, {}, { enums: true }))).toBe(
      "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
    );
  });

  it('reports every violation, in model order, joined by semicolons', () => {
    const v = validateInput(input, { Name: 'TooLongName!', Count: 0, Kind: 'Map' }, { enums: true });
    expect(validationMessage(v)).toBe(
      "4 validation errors detected: Value 'TooLongName!' at 'name' failed to satisfy constraint: Member must have length less than or equal to 8; " +
        "Value 'TooLongName!' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z/]+$; " +
        "Value 0 at 'count' failed to satisfy constraint: Member must have value greater than or equal to 1; " +
        "Value 'Map' at 'kind' failed to satisfy constraint: Member must satisfy enum value set: [String, StringList]",
    );
  });

  it('does not echo sensitive values', () => {
    expect(validationMessage(validateInput(input, { Name: 'a', Secret: 'hunter2' }, { enums: true }))).toBe(
      "1 validation error detected: Value at 'secret' failed to satisfy constraint: Member must have length less than or equal to 4",
    );
  });

  it('paths list items as <name>.<n>.member', () => {
    const v = validateInput(input, { Name: 'a', Tags: [{ Key: 'ok' }, {}, { Key: 'ok' }] }, { enums: true });
    expect(v.map((x) => `${x.path}: ${x.constraint}`)).toEqual([
      'tags: Member must have length less than or equal to 2',
      'tags.2.member.key: Member must not be null',
    ]);
  });

  it('skips enums for services that do not check them, and reads Java inline flags', () => {
    expect(validateInput(input, { Name: 'a', Kind: 'Map' }, { enums: false })).toEqual([]);
    expect(validateInput(input, { Name: 'a', Caseless: 'ALL' }, { enums: true })).toEqual([]);
  });

  it('counts length in UTF-16 code units, as Java does', () => {
    expect(validateInput(input, { Name: 'a', Secret: '😀😀' }, { enums: true })).toEqual([]);
    expect(validateInput(input, { Name: 'a', Secret: '😀😀x' }, { enums: true })).toHaveLength(1);
  });
});

describe('validateInput over recursive shapes', () => {
  // Node → Link → Node …: Link's only constraint is Node's leaf, which a walk starting at Node
  // meets after Link (a walk that took the unfinished Node for unconstrained would skip Link).
  // A sibling tree (Free) has no constraint at all, so the validator may skip it.
  const recursive = compileModel('r', {
    metadata: { protocol: 'json' },
    operations: { Op: { name: 'Op', input: { shape: 'In' } } },
    shapes: {
      In: { type: 'structure', members: { Root: { shape: 'Node' }, Free: { shape: 'FreeNode' } } },
      Node: { type: 'structure', members: { Next: { shape: 'Link' }, Leaf: { shape: 'Short' } } },
      Link: { type: 'map', key: { shape: 'Plain' }, value: { shape: 'Node' } },
      FreeNode: { type: 'structure', members: { Next: { shape: 'FreeNode' }, Text: { shape: 'Plain' } } },
      Plain: { type: 'string' },
      Short: { type: 'string', max: 2 },
    },
  }).operations.get('Op')!.input;

  it('finds a constraint broken deep inside a cycle, and accepts the same tree when it holds', () => {
    const tree = (leaf: string) => ({ Root: { Next: { a: { Next: { b: { Leaf: leaf } } } } }, Free: { Next: { Next: { Text: 'anything at all' } } } });
    expect(validateInput(recursive, tree('ok'), { enums: true })).toEqual([]);
    const v = validateInput(recursive, tree('too long'), { enums: true });
    expect(v.map((x) => `${x.path}: ${x.constraint}`)).toEqual(['root.next.a.member.next.b.member.leaf: Member must have length less than or equal to 2']);
  });
});
