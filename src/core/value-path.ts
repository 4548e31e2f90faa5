/** Walking plain parsed values (what YAML becomes) by a path of keys and indices. */

/** A path into a parsed value: map keys and sequence indices. */
export type ValuePath = readonly (string | number)[];

/** The value at `path`, or undefined when the path leads nowhere. */
export function valueAt(root: unknown, path: ValuePath): unknown {
  let node = root;
  for (const segment of path) {
    // Own keys only: a path of `constructor` or `__proto__` must not reach the prototype.
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
