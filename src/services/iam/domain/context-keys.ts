/**
 * GetContextKeysFor*Policy: the condition keys a set of policies refers to, in its Condition
 * blocks and as policy variables (`${aws:username}`) — what a caller must supply to
 * Simulate*'s ContextEntries. Read from the documents as written.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetContextKeysForCustomPolicy.html
 */

const VARIABLE = /\$\{([^}]+)\}/g;

function variables(value: unknown, out: Map<string, string>): void {
  if (typeof value === 'string') {
    for (const m of value.matchAll(VARIABLE)) {
      const key = m[1]!.split(',')[0]!.trim();
      if (key.includes(':')) add(out, key);
    }
  } else if (Array.isArray(value)) {
    for (const v of value) variables(v, out);
  }
}

function add(out: Map<string, string>, key: string): void {
  const lower = key.toLowerCase();
  if (!out.has(lower)) out.set(lower, key);
}

/** Unique keys (case-insensitively), in the order first seen. */
export function contextKeys(documents: readonly string[]): string[] {
  const out = new Map<string, string>();
  for (const text of documents) {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      continue;
    }
    const statements = (doc as { Statement?: unknown })?.Statement;
    for (const st of Array.isArray(statements) ? statements : [statements]) {
      if (!st || typeof st !== 'object') continue;
      const s = st as Record<string, unknown>;
      variables(s.Resource, out);
      variables(s.NotResource, out);
      const condition = s.Condition;
      if (condition && typeof condition === 'object') {
        for (const block of Object.values(condition as Record<string, unknown>)) {
          if (block && typeof block === 'object') for (const key of Object.keys(block as Record<string, unknown>)) add(out, key);
        }
      }
    }
  }
  return [...out.values()];
}
