/**
 * AttributeValue semantics: type, validation + number normalisation, exact decimal arithmetic,
 * DynamoDB's ordering and equality, sizes, an order-preserving key encoding for the store, and the
 * stored item codec. Pure; no I/O.
 *
 * CONTRACT (other modules are written against these signatures; keep them):
 */
export { typeOf } from './type-of.js';
export { normalizeNumber, addNumbers, subtractNumbers, compareNumbers } from './number.js';
export { compareScalars, valuesEqual } from './compare.js';
export { valueSize, itemSize, attributeSizeForKey } from './size.js';
export { validateItem, validateValue, validateKeyValue } from './validate.js';
export { encodeKeyValue, decodeKeyValue } from './key-encoding.js';
export { encodeItem, decodeItem, decodeItemText, storedItemWireJson, storedItemWireText } from './item-codec.js';
