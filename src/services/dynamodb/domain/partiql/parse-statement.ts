/**
 * PartiQL statements as DynamoDB takes them
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.statements.html):
 *
 *   SELECT * | path [, path …] FROM source [WHERE expr] [ORDER BY name [ASC|DESC] [, …]]
 *   INSERT INTO table VALUE { 'attr': value, … }
 *   UPDATE table ( SET path = value [, …] | REMOVE path [, …] )… [WHERE expr] [RETURNING …]
 *   FROM table WHERE expr ( SET … | REMOVE … )… [RETURNING …]          (the FROM-first UPDATE)
 *   DELETE FROM table [WHERE expr] [RETURNING ALL OLD *]
 *   EXISTS( SELECT * FROM table WHERE … )                                (ExecuteTransaction only)
 *
 *   source := name [ . name ]        name := word | "quoted"
 *
 * Only syntax is checked here, with DynamoDB's messages for what it refuses while reading: a
 * statement that starts with anything else ("Expected data manipulation"), tokens after a complete
 * statement ("Unexpected token after expression"), aliases ("Aliasing is not supported"), FROM
 * paths of three components or with an empty one. Meaning (keys, types, values) is compile.ts's.
 */
import type {
  DeleteStatement,
  ExistsStatement,
  InsertStatement,
  OrderItem,
  ParsedStatement,
  PathExpr,
  Returning,
  SelectStatement,
  Source,
  Statement,
  UpdateClause,
  UpdateStatement,
} from './ast.js';
import { isReservedKeyword } from './keywords.js';
import {
  aliasingNotSupported,
  DETAIL,
  emptyPathComponent,
  notWellFormed,
  orderByNotName,
  returningInInsert,
  returningWithoutStar,
  starAndOtherAttributes,
  tooManyPathComponents,
  unexpectedPathComponent,
  valueOrPivotInSelect,
} from './messages.js';
import { ExpressionParser } from './parse-expression.js';
import { tokenize } from './tokenizer.js';

/**
 * Applications send the same few statements over and over with new Parameters, so parses are
 * remembered by text (the trees are never modified afterwards). Failed parses are not remembered;
 * the cache is simply emptied when full.
 */
const MAX_CACHED = 2000;
const cache = new Map<string, ParsedStatement>();

export function parseStatement(source: string): ParsedStatement {
  const hit = cache.get(source);
  if (hit) return hit;
  const p = new StatementParser(source, tokenize(source));
  const statement = p.statement();
  if (p.peek().kind !== 'eof') throw notWellFormed(DETAIL.unexpectedTokenAfterExpression);
  const parsed: ParsedStatement = { statement, parameterCount: p.parameterCount };
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(source, parsed);
  return parsed;
}

class StatementParser extends ExpressionParser {
  statement(): Statement {
    if (this.isWord('SELECT')) return this.select();
    if (this.isWord('INSERT')) return this.insert();
    if (this.isWord('UPDATE')) return this.update();
    if (this.isWord('DELETE')) return this.delete();
    if (this.isWord('FROM')) return this.fromFirstUpdate();
    if (this.isWord('EXISTS') && this.isPunct('(', 1)) return this.exists();
    throw notWellFormed(DETAIL.expectedDataManipulation);
  }

  private select(): SelectStatement {
    this.expectWord('SELECT');
    if (this.isWord('VALUE') || this.isWord('PIVOT')) throw valueOrPivotInSelect();
    const projection = this.selectList();
    this.expectWord('FROM');
    const source = this.fromSource();
    this.refuseAlias();
    const out: SelectStatement = { kind: 'select', source };
    if (projection) out.projection = projection;
    if (this.isWord('WHERE')) {
      this.next();
      out.where = this.expr();
    }
    if (this.isWord('ORDER') && this.isWord('BY', 1)) {
      this.next();
      this.next();
      out.orderBy = this.orderBy();
    }
    return out;
  }

  /** `*` (undefined) or paths; a function or a value in the list is refused with its position. */
  private selectList(): PathExpr[] | undefined {
    const paths: PathExpr[] = [];
    let star = false;
    do {
      if (this.isPunct('*')) {
        this.next();
        star = true;
        continue;
      }
      const item = this.primary();
      if (item.kind !== 'path') throw unexpectedPathComponent(this.position(item.start, item.length));
      paths.push(item);
      if (this.isWord('AS') || this.peek().kind === 'quoted' || (this.peek().kind === 'word' && !isReservedKeyword(this.peek().text))) {
        throw aliasingNotSupported();
      }
    } while (this.accept(','));
    if (star && paths.length > 0) throw starAndOtherAttributes();
    return star ? undefined : paths;
  }

  /** `"table"` or `"table"."index"`. */
  private fromSource(): Source {
    const parts = [this.name().text];
    while (this.accept('.')) parts.push(this.name().text);
    if (parts.length > 2) throw tooManyPathComponents();
    if (parts.some((p) => p === '')) throw emptyPathComponent();
    const out: Source = { table: parts[0] as string };
    if (parts.length === 2) out.index = parts[1] as string;
    return out;
  }

  /** `FROM "t" x` and `FROM "t" AS x` are refused in their own words. */
  private refuseAlias(): void {
    const t = this.peek();
    if (this.isWord('AS') || t.kind === 'quoted' || (t.kind === 'word' && !isReservedKeyword(t.text))) throw aliasingNotSupported();
  }

  private orderBy(): OrderItem[] {
    const items: OrderItem[] = [];
    do {
      const e = this.expr();
      if (e.kind !== 'path' || e.steps.length > 0) throw orderByNotName(e.kind === 'path' ? 'Path' : 'Expression');
      let descending = false;
      if (this.isWord('ASC') || this.isWord('DESC')) descending = this.next().text.toUpperCase() === 'DESC';
      items.push({ name: e.root, descending });
    } while (this.accept(','));
    return items;
  }

  private insert(): InsertStatement {
    this.expectWord('INSERT');
    this.expectWord('INTO');
    const source = this.fromSource();
    // An alias here is simply a token DynamoDB did not expect (it answers "after expression"); a
    // SQL column list is read first, so a reserved word in it is "Unexpected keyword" (captured
    // for `INSERT INTO urls (key, secret_key) VALUES (?, ?)`).
    if (!this.isWord('VALUE')) {
      if (this.isPunct('(')) this.primary();
      throw notWellFormed(DETAIL.unexpectedTokenAfterExpression);
    }
    this.next();
    const value = this.expr();
    if (this.isWord('RETURNING')) throw returningInInsert();
    return { kind: 'insert', source, value };
  }

  private update(): UpdateStatement {
    this.expectWord('UPDATE');
    const source = this.fromSource();
    this.refuseAlias();
    const clauses = this.updateClauses();
    const out: UpdateStatement = { kind: 'update', source, clauses };
    if (this.isWord('WHERE')) {
      this.next();
      out.where = this.expr();
    }
    const returning = this.returning();
    if (returning) out.returning = returning;
    return out;
  }

  /** `FROM "t" WHERE … SET …`: the same UPDATE with its clauses in another order. */
  private fromFirstUpdate(): UpdateStatement {
    this.expectWord('FROM');
    const source = this.fromSource();
    this.refuseAlias();
    this.expectWord('WHERE');
    const where = this.expr();
    const out: UpdateStatement = { kind: 'update', source, clauses: this.updateClauses(), where };
    const returning = this.returning();
    if (returning) out.returning = returning;
    return out;
  }

  /** One or more SET / REMOVE clauses, each with one or more comma-separated actions. */
  private updateClauses(): UpdateClause[] {
    const clauses: UpdateClause[] = [];
    while (this.isWord('SET') || this.isWord('REMOVE')) {
      const section = this.next().text.toUpperCase();
      do {
        const target = this.target();
        if (section === 'REMOVE') {
          clauses.push({ kind: 'REMOVE', target });
        } else {
          this.expectPunct('=');
          clauses.push({ kind: 'SET', target, value: this.expr() });
        }
      } while (this.accept(','));
    }
    // Captured: `UPDATE Payment-x SET …` (an unquoted name with a dash) is answered so.
    if (clauses.length === 0) throw notWellFormed(DETAIL.expectedDataManipulation);
    return clauses;
  }

  private target(): PathExpr {
    const first = this.name();
    return this.pathFrom(first);
  }

  private delete(): DeleteStatement {
    this.expectWord('DELETE');
    this.expectWord('FROM');
    const source = this.fromSource();
    this.refuseAlias();
    const out: DeleteStatement = { kind: 'delete', source };
    if (this.isWord('WHERE')) {
      this.next();
      out.where = this.expr();
    }
    const returning = this.returning();
    if (returning) out.returning = returning;
    return out;
  }

  /** RETURNING ( ALL | MODIFIED ) ( OLD | NEW ) *. Which forms a statement allows is compile.ts's. */
  private returning(): Returning | undefined {
    if (!this.isWord('RETURNING')) return undefined;
    this.next();
    const which = this.peek().text.toUpperCase();
    if (which !== 'ALL' && which !== 'MODIFIED') throw this.unexpected();
    this.next();
    const image = this.peek().text.toUpperCase();
    if (image !== 'OLD' && image !== 'NEW') throw this.unexpected();
    this.next();
    if (!this.accept('*')) throw returningWithoutStar();
    return { which, image };
  }

  private exists(): ExistsStatement {
    this.next();
    this.expectPunct('(');
    if (!this.isWord('SELECT')) throw this.unexpected();
    const select = this.select();
    this.expectPunct(')');
    return { kind: 'exists', select };
  }
}
