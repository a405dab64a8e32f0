/**
 * CreateTable's rules for keys, attribute definitions and secondary indexes, in the order AWS
 * applies them, with its messages. Pure: returns the validated key schemas or throws
 * ValidationException.
 *
 * - AttributeDefinitions must name exactly the key attributes of the table and its indexes; AWS
 *   words the mismatch four ways depending on the counts and on whether indexes are declared,
 *   and checks it before the index rules (an unused definition hides other index errors).
 * - LSIs share the table's partition key, need a sort key, and need a table with a sort key; at
 *   most 5 LSIs and 20 GSIs; index names are unique across both kinds.
 * - Projection: ProjectionType is required; INCLUDE needs NonKeyAttributes, the others forbid it.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-secondary-indexes
 */
import { invalidParameterValues, validationError } from './errors.js';
import type { AttributeDefinition, Projection } from './table-model.js';
import type { KeySchema, KeyType } from './types.js';
import type {
  AttributeDefinition as WireAttributeDefinition,
  KeySchemaElement,
  Projection as WireProjection,
} from '../generated/types.js';

export const MAX_LSIS = 5;
export const MAX_GSIS = 20;

/** An index as the request declares it (LocalSecondaryIndex, GlobalSecondaryIndex, or a GSI Create). */
export interface DeclaredIndex {
  IndexName: string;
  KeySchema: KeySchemaElement[];
  Projection: WireProjection;
}

/** Java's List.toString, which AWS's messages use: `[a, b]`. */
export function javaList(names: readonly string[]): string {
  return `[${names.join(', ')}]`;
}

/** The key schema elements as names (no type yet): HASH first, then RANGE. */
export function checkKeySchemaShape(elements: KeySchemaElement[]): { hash: string; range?: string } {
  // The model allows longer key schemas (multi-attribute GSI keys); Nimbus keeps one HASH and one RANGE.
  if (elements.length > 2) {
    const firstRange = elements.findIndex((e) => e.KeyType === 'RANGE');
    if (firstRange !== -1 && elements.slice(firstRange).some((e) => e.KeyType === 'HASH')) {
      throw invalidParameterValues('All HASH key attributes must precede RANGE key attributes in the KeySchema');
    }
    const kind = elements.filter((e) => e.KeyType === 'HASH').length > 1 ? 'HASH' : 'RANGE';
    throw invalidParameterValues(`The KeySchema exceeds the maximum allowed number of ${kind} key attributes`);
  }
  const [first, second] = elements;
  if (!first || first.KeyType !== 'HASH') throw validationError('Invalid KeySchema: The first KeySchemaElement is not a HASH key type');
  if (second) {
    if (second.KeyType !== 'RANGE') throw validationError('Invalid KeySchema: The second KeySchemaElement is not a RANGE key type');
    if (second.AttributeName === first.AttributeName) {
      throw validationError('Both the Hash Key and the Range Key element in the KeySchema have the same name');
    }
  }
  return second ? { hash: first.AttributeName, range: second.AttributeName } : { hash: first.AttributeName };
}

/** Every attribute the key schemas use, each once, table first then indexes in request order. */
function keysUsed(table: KeySchemaElement[], indexes: readonly DeclaredIndex[]): string[] {
  const used: string[] = [];
  for (const schema of [table, ...indexes.map((i) => i.KeySchema)]) {
    for (const e of schema) if (!used.includes(e.AttributeName)) used.push(e.AttributeName);
  }
  return used;
}

/** AttributeDefinitions against the keys in use (AWS's four wordings). */
export function checkAttributeDefinitions(defs: WireAttributeDefinition[], table: KeySchemaElement[], indexes: readonly DeclaredIndex[]): void {
  const defined: string[] = [];
  for (const d of defs) {
    if (defined.includes(d.AttributeName)) throw validationError(`Attribute Name is duplicated: ${d.AttributeName}`);
    defined.push(d.AttributeName);
  }
  const used = keysUsed(table, indexes);
  const missing = used.filter((n) => !defined.includes(n));
  const unused = defined.some((n) => !used.includes(n));
  if (missing.length === 0 && !unused) return;
  const hasIndexes = indexes.length > 0;
  if (defined.length > used.length) {
    if (hasIndexes) throw invalidParameterValues(`Some AttributeDefinitions are not used. AttributeDefinitions: ${javaList(defined)}, keys used: ${javaList(used)}`);
    throw invalidParameterValues('Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions');
  }
  if (defined.length < used.length && !hasIndexes) throw validationError('Invalid KeySchema: Some index key attribute have no definition');
  // Same count, other names: with indexes AWS lists the undefined keys, without them every key.
  const keys = hasIndexes ? missing : used;
  throw invalidParameterValues(`Some index key attributes are not defined in AttributeDefinitions. Keys: ${javaList(keys)}, AttributeDefinitions: ${javaList(defined)}`);
}

/** A key schema with its attribute types. */
export function typedKeySchema(shape: { hash: string; range?: string }, defs: readonly AttributeDefinition[]): KeySchema {
  const type = (name: string): KeyType => defs.find((d) => d.name === name)!.type;
  const key: KeySchema = { hash: { name: shape.hash, type: type(shape.hash) } };
  if (shape.range) key.range = { name: shape.range, type: type(shape.range) };
  return key;
}

export function checkProjection(p: WireProjection | undefined): Projection {
  const type = p?.ProjectionType;
  const nonKey = p?.NonKeyAttributes;
  if (type === undefined) throw invalidParameterValues('Unknown ProjectionType: null');
  if (type === 'INCLUDE') {
    if (!nonKey || nonKey.length === 0) throw invalidParameterValues('ProjectionType is INCLUDE, but NonKeyAttributes is not specified');
    const seen = new Set<string>();
    for (const n of nonKey) {
      if (seen.has(n)) throw invalidParameterValues(`Duplicate element in NonKeyAttributes: ${n}`);
      seen.add(n);
    }
    return { type, nonKeyAttributes: [...nonKey] };
  }
  if (nonKey) throw invalidParameterValues(`ProjectionType is ${type}, but NonKeyAttributes is specified`);
  return { type };
}

export interface CheckedSchema {
  key: KeySchema;
  attributeDefinitions: AttributeDefinition[];
  lsis: { name: string; key: KeySchema; projection: Projection }[];
  gsis: { name: string; key: KeySchema; projection: Projection }[];
}

/** CreateTable's key, attribute definition and index rules. */
export function checkTableSchema(input: {
  AttributeDefinitions?: WireAttributeDefinition[];
  KeySchema?: KeySchemaElement[];
  LocalSecondaryIndexes?: DeclaredIndex[];
  GlobalSecondaryIndexes?: DeclaredIndex[];
}): CheckedSchema {
  if (!input.AttributeDefinitions) throw validationError("1 validation error detected: Value null at 'attributeDefinitions' failed to satisfy constraint: Member must not be null");
  if (!input.KeySchema) throw validationError("1 validation error detected: Value null at 'keySchema' failed to satisfy constraint: Member must not be null");
  const tableShape = checkKeySchemaShape(input.KeySchema);
  const lsiInput = input.LocalSecondaryIndexes;
  const gsiInput = input.GlobalSecondaryIndexes;
  if (gsiInput && gsiInput.length === 0) throw invalidParameterValues('List of GlobalSecondaryIndexes is empty');
  if (lsiInput && lsiInput.length === 0) throw invalidParameterValues('List of LocalSecondaryIndexes is empty');
  checkAttributeDefinitions(input.AttributeDefinitions, input.KeySchema, [...(gsiInput ?? []), ...(lsiInput ?? [])]);
  const defs: AttributeDefinition[] = input.AttributeDefinitions.map((d) => ({ name: d.AttributeName, type: d.AttributeType }));
  const key = typedKeySchema(tableShape, defs);

  const names = new Set<string>();
  const unique = (name: string): void => {
    if (names.has(name)) throw invalidParameterValues(`Duplicate index name: ${name}`);
    names.add(name);
  };

  const lsis: CheckedSchema['lsis'] = [];
  if (lsiInput) {
    if (!tableShape.range) throw invalidParameterValues('Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex');
    if (lsiInput.length > MAX_LSIS) throw invalidParameterValues(`Number of LocalSecondaryIndexes exceeds per-table limit of ${MAX_LSIS}`);
    for (const lsi of lsiInput) {
      unique(lsi.IndexName);
      const shape = checkKeySchemaShape(lsi.KeySchema);
      if (shape.hash !== tableShape.hash) {
        throw invalidParameterValues(
          `Index KeySchema does not have the same leading hash key as table KeySchema for index: ${lsi.IndexName}. index hash key: ${shape.hash}, table hash key: ${tableShape.hash}`,
        );
      }
      if (!shape.range) throw invalidParameterValues(`Index KeySchema does not have a range key for index: ${lsi.IndexName}`);
      lsis.push({ name: lsi.IndexName, key: typedKeySchema(shape, defs), projection: checkProjection(lsi.Projection) });
    }
  }

  const gsis: CheckedSchema['gsis'] = [];
  if (gsiInput) {
    if (gsiInput.length > MAX_GSIS) throw invalidParameterValues(`GlobalSecondaryIndex count exceeds the per-table limit of ${MAX_GSIS}`);
    for (const gsi of gsiInput) {
      unique(gsi.IndexName);
      const shape = checkKeySchemaShape(gsi.KeySchema);
      gsis.push({ name: gsi.IndexName, key: typedKeySchema(shape, defs), projection: checkProjection(gsi.Projection) });
    }
  }
  return { key, attributeDefinitions: defs, lsis, gsis };
}
