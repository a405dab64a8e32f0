/**
 * The shape of a SELECT's items, which differs from a ProjectionExpression's: each entry of the
 * SELECT list comes back as a top-level attribute named after its last name. `SELECT mymap.nested`
 * answers `{ nested: … }` (captured), `SELECT a.b[0]` answers `{ b: [a.b[0]] }` — the projection
 * from the last name on, list elements compacted as in a ProjectionExpression. A path the item
 * does not have is left out. `SELECT *` returns the item as it is.
 */
import { projectItem, type Projection } from '../expressions/index.js';
import type { AttributeValue, Item } from '../types.js';
import { defineOwn } from './values.js';

export function projectSelectItem(projection: Projection | undefined, item: Item): Item {
  if (!projection) return item;
  const out: Item = {};
  for (const path of projection) {
    let last = 0;
    path.forEach((step, i) => {
      if (typeof step === 'string') last = i;
    });
    // Projected alone, every list on the way holds just the one element asked for: walk down to `last`.
    let value: AttributeValue | undefined = projectItem([path], item)[path[0] as string];
    for (let i = 1; i <= last && value !== undefined; i++) {
      const step = path[i] as string | number;
      value = typeof step === 'number' ? value.L?.[0] : value.M?.[step];
    }
    if (value === undefined) continue;
    const name = path[last] as string;
    defineOwn(out, name, value);
  }
  return out;
}
