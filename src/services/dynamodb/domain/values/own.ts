/**
 * `obj[key] = value` for attribute names, which are arbitrary strings: assigning to `__proto__`
 * would set the prototype instead of adding an attribute, so that one name is defined explicitly.
 */
export function setOwn<T>(obj: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}
