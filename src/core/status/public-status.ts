/**
 * The status as the site publishes it (`status/v1.json`): the file the build was given, history
 * included, but only the keys its schema names, at every depth. The status file allows keys it
 * does not know (a newer checker's); published, such a key could carry anything, an e-mail
 * address included, so it stays behind. The next check run reads this file back as `--previous`.
 */
import type { StatusFile } from "../types.ts";
import { statusSchema } from "./status-schema.ts";

/** The part of a JSON Schema this projection follows. */
interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
}

/** The status with every key its schema does not name left out. Pure. */
export function publicStatus(status: StatusFile): StatusFile {
  return project(status, statusSchema as SchemaNode) as StatusFile;
}

/** `status/v1.json`'s text: compact, one line, as the build writes it. */
export function serializePublicStatus(status: StatusFile): string {
  return `${JSON.stringify(publicStatus(status))}\n`;
}

/** `status/v1.schema.json`'s text. */
export function serializeStatusSchema(): string {
  return `${JSON.stringify(statusSchema, null, 2)}\n`;
}

function project(value: unknown, schema: SchemaNode): unknown {
  if (Array.isArray(value)) return schema.items ? value.map((v) => project(v, schema.items as SchemaNode)) : value;
  if (value === null || typeof value !== "object") return value;
  const kept: [string, unknown][] = [];
  for (const [key, v] of Object.entries(value)) {
    const named = schema.properties && Object.hasOwn(schema.properties, key) ? schema.properties[key] : undefined;
    const inner = named ?? (typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined);
    if (inner !== undefined) kept.push([key, project(v, inner)]);
  }
  // `Object.fromEntries` defines own properties, so a key `__proto__` stays a plain key.
  return Object.fromEntries(kept);
}
