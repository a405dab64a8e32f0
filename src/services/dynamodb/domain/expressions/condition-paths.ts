import type { Condition, DocumentPath, Operand } from './ast.js';

/** Every document path a condition reads, in the order written. */
export function conditionPaths(condition: Condition): DocumentPath[] {
  const out: DocumentPath[] = [];
  const operand = (o: Operand): void => {
    if (o.kind === 'path') out.push(o.path);
    else if (o.kind === 'size') operand(o.operand);
  };
  const visit = (c: Condition): void => {
    switch (c.kind) {
      case 'and':
      case 'or':
        visit(c.left);
        visit(c.right);
        return;
      case 'not':
        visit(c.condition);
        return;
      case 'compare':
        operand(c.left);
        operand(c.right);
        return;
      case 'between':
        [c.operand, c.low, c.high].forEach(operand);
        return;
      case 'in':
        [c.operand, ...c.list].forEach(operand);
        return;
      case 'attribute_exists':
      case 'attribute_not_exists':
        out.push(c.path);
        return;
      case 'attribute_type':
        operand(c.operand);
        operand(c.type);
        return;
      case 'begins_with':
        operand(c.operand);
        operand(c.prefix);
        return;
      case 'contains':
        operand(c.operand);
        operand(c.element);
        return;
    }
  };
  visit(condition);
  return out;
}
