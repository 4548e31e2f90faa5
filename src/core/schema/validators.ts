/**
 * The mirror and config validators, precompiled by `npm run generate` (ajv standalone) so that
 * neither the CLI nor the browser loads ajv's compiler.
 */
import type { ValidateFunction } from "ajv";
import { validateConfig, validateMirror } from "./compiled-validators.js";

export function validators(): { mirror: ValidateFunction; config: ValidateFunction } {
  return { mirror: validateMirror, config: validateConfig };
}
