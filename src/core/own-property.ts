/**
 * Reading a plain object by a key that may come from registry text (a country, a state, a
 * mirror name, a config key). `record[key]` would also find what every object inherits:
 * `constructor`, `toString`, `__proto__` … would then name a function, not nothing.
 */

/** The value `record` itself holds under `key`; undefined for anything it only inherits. */
export function ownValue<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
