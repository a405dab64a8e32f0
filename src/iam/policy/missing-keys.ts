/**
 * Condition keys a request lacked, collected during one evaluate() (IAM Simulate*'s
 * MissingContextValues). Evaluation is synchronous, so one module-level list serves; evaluate()
 * saves and restores it, and allocates it only when a key is actually missing.
 */

let missing: string[] | undefined;

export function noteMissingKey(key: string): void {
  if (missing === undefined) missing = [key];
  else if (!missing.includes(key)) missing.push(key);
}

/** Starts a collection; returns what was being collected before (to hand back to endMissingKeys). */
export function beginMissingKeys(): string[] | undefined {
  const outer = missing;
  missing = undefined;
  return outer;
}

/** Ends the collection begun by beginMissingKeys and returns its keys. */
export function endMissingKeys(outer: string[] | undefined): string[] | undefined {
  const found = missing;
  missing = outer;
  return found;
}
