/**
 * Parameter names, references and paths.
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-su-create.html#sysman-parameter-name-constraints
 *
 * - Names use `a-zA-Z0-9_.-`, with `/` between the levels of a hierarchy; a name with a `/` must
 *   begin with one, levels are never empty, and there are at most 15 of them.
 * - Names are case sensitive, but `/Name` and `Name` are the same parameter: the store keys
 *   parameters by the name without its leading slash, and the ARN is built from that key.
 * - `aws…` names are reserved (AccessDeniedException); `ssm…` names are invalid.
 * - Reads accept the ARN instead of the name and a selector: `name:3` (version) or `name:label`.
 */
import { SsmErrors } from './errors.js';

const NAME = /^\/?[a-zA-Z0-9_.-]+(\/[a-zA-Z0-9_.-]+)*$/;
export const MAX_LEVELS = 15;

/** The store key: the name without its leading slash. */
export function nameKey(name: string): string {
  return name.startsWith('/') ? name.slice(1) : name;
}

/** The hierarchy a key sits in, as a key: '' for top-level names, `a/b` for `/a/b/c`. */
export function parentPath(key: string): string {
  const i = key.lastIndexOf('/');
  return i === -1 ? '' : key.slice(0, i);
}

export function parameterArn(region: string, accountId: string, key: string): string {
  return `arn:aws:ssm:${region}:${accountId}:parameter/${key}`;
}

function checkShape(name: string): void {
  if (!NAME.test(name) || (name.includes('/', 1) && !name.startsWith('/'))) throw SsmErrors.invalidName();
  if (/^ssm/i.test(nameKey(name))) throw SsmErrors.invalidName();
}

/**
 * Checks a name PutParameter may create and returns it as stored. AWS removes spaces around the
 * name; spaces inside it are invalid.
 */
export function validateNewName(raw: string): string {
  const name = raw.replace(/^ +| +$/g, '');
  checkShape(name);
  if (/^aws/i.test(nameKey(name))) throw SsmErrors.reservedName(name);
  if (nameKey(name).split('/').length > MAX_LEVELS) throw SsmErrors.hierarchyTooDeep();
  return name;
}

export type Selector = { kind: 'version'; version: number; text: string } | { kind: 'label'; label: string; text: string };

export interface Reference {
  key: string;
  selector?: Selector;
}

const ARN = /^arn:aws[a-z-]*:ssm:([^:]*):([^:]*):parameter\/(.*)$/s;

/**
 * Reads a name as GetParameter(s) and friends accept it: a name or an ARN, with an optional
 * `:version` or `:label` selector. Returns undefined for a reference that cannot name a
 * parameter of this account and region (AWS answers ParameterNotFound); throws for a malformed
 * name when `strict` (a single-name operation), as AWS does.
 */
export function parseReference(raw: string, scope: { accountId: string; region: string }, strict: boolean): Reference | undefined {
  let text = raw;
  const arn = ARN.exec(raw);
  if (arn) {
    if (arn[1] !== scope.region || arn[2] !== scope.accountId) return undefined;
    text = `/${arn[3]}`;
  }
  const parts = text.split(':');
  if (parts.length > 2) return undefined;
  const name = parts[0]!;
  try {
    checkShape(name);
  } catch (e) {
    if (strict) throw e;
    return undefined;
  }
  const key = nameKey(name);
  if (parts.length === 1) return { key };
  const sel = parts[1]!;
  if (sel === '') return undefined;
  return /^\d+$/.test(sel)
    ? { key, selector: { kind: 'version', version: Number(sel), text: `:${sel}` } }
    : { key, selector: { kind: 'label', label: sel, text: `:${sel}` } };
}

/**
 * Checks a hierarchy path (GetParametersByPath's Path, the Path filter) and returns it as a key
 * prefix: '' for `/`, `a/b` for `/a/b` or `/a/b/`. Paths under `/aws` name AWS's public
 * parameters and are allowed; `/ssm…` is not.
 */
export function validatePath(path: string): string {
  if (!/^\/([a-zA-Z0-9_.-]+\/)*([a-zA-Z0-9_.-]+)?$/.test(path)) throw SsmErrors.invalidPath();
  const key = path.slice(1).replace(/\/$/, '');
  if (/^ssm/i.test(key)) throw SsmErrors.invalidPath();
  return key;
}
