/** Compiled validators for the mirror and config schemas, built once on first use. */
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js";
import { configSchema } from "./config-schema.ts";
import { mirrorSchema } from "./mirror-schema.ts";

let compiled: { mirror: ValidateFunction; config: ValidateFunction } | null = null;

export function validators(): { mirror: ValidateFunction; config: ValidateFunction } {
  if (compiled === null) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
    compiled = { mirror: ajv.compile(mirrorSchema), config: ajv.compile(configSchema) };
  }
  return compiled;
}
