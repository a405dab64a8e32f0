/**
 * How a Query or Scan reads what it returns, from its Select, projection, filter and index. Pure.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html#DDB-Query-request-Select
 *
 * - The table: the items themselves.
 * - An index: each entry as the index projects it (domain/table-projection.ts). An LSI fetches the
 *   whole item from the table for ALL_ATTRIBUTES, for a projection naming an attribute it does not
 *   project, and for a filter naming one (the GSI cases were refused before: read-select.ts,
 *   read-attributes.ts).
 */
import type { Condition, Projection } from './expressions/index.js';
import { conditionPaths, topLevelNames, unprojected } from './read-attributes.js';
import type { PagePlan } from './read-pages.js';
import type { ReadSelect } from './read-select.js';
import { projectForIndex } from './table-projection.js';
import type { IndexDefinition, TableDefinition } from './table-model.js';
import type { Item } from './types.js';

const itself = (item: Item): Item => item;

export function pagePlanFor(
  table: Pick<TableDefinition, 'key'>,
  index: IndexDefinition | undefined,
  select: ReadSelect,
  filter: Condition | undefined,
  projection: Projection | undefined,
): PagePlan {
  const specific = select === 'SPECIFIC_ATTRIBUTES' ? projection : undefined;
  const asStored = !filter && !specific && select !== 'COUNT';
  if (!index) return { view: itself, filter, output: select === 'COUNT' ? 'none' : 'view', projection: specific, asStored };
  const plan: PagePlan = {
    view: (item) => projectForIndex(table, index, item),
    filter,
    output: 'view',
    projection: specific,
    // An index projecting ALL shows the whole item, as stored.
    asStored: asStored && index.projection.type === 'ALL',
  };
  if (index.kind === 'LSI' && filter) plan.filterOnItem = unprojected(topLevelNames(conditionPaths(filter)), table, index).length > 0;
  if (select === 'COUNT') plan.output = 'none';
  else if (select === 'ALL_ATTRIBUTES' && index.projection.type !== 'ALL') plan.output = 'item';
  else if (specific && index.kind === 'LSI' && unprojected(topLevelNames(specific), table, index).length > 0) plan.output = 'item';
  return plan;
}
