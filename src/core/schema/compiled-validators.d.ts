import type { ValidateFunction } from "ajv";

/** Precompiled (ajv standalone) validator of `mirrorSchema`. */
export declare const validateMirror: ValidateFunction;
/** Precompiled (ajv standalone) validator of `configSchema`. */
export declare const validateConfig: ValidateFunction;
