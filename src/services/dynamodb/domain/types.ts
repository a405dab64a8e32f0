/**
 * Types every part of the DynamoDB service shares: items as the wire's AttributeValue maps, and a
 * table's key description as the store and the expression engine need it.
 */
import type { AttributeValue } from '../generated/types.js';

export type { AttributeValue };

/** An item: attribute name → value, exactly as the wire carries it (B/BS as bytes). */
export type Item = Record<string, AttributeValue>;

/** The three types a key attribute may have (AttributeDefinition's ScalarAttributeType). */
export type KeyType = 'S' | 'N' | 'B';

/** Every AttributeValue data type, as DynamoDB names them in messages and `attribute_type`. */
export type ValueType = 'S' | 'N' | 'B' | 'SS' | 'NS' | 'BS' | 'M' | 'L' | 'NULL' | 'BOOL';

/** One key attribute of a table or index. */
export interface KeyAttribute {
  name: string;
  type: KeyType;
}

/** The key of a table or index: a partition key and, optionally, a sort key. */
export interface KeySchema {
  hash: KeyAttribute;
  range?: KeyAttribute;
}
