import type { ValidateFunction } from "ajv";

/** Precompiled (ajv standalone) validator of `statusFrameSchema`: the status file, entries unchecked. */
export declare const validateStatusFrame: ValidateFunction;
/** Precompiled (ajv standalone) validator of `mirrorStatusSchema`: one entry of the status file. */
export declare const validateStatusEntry: ValidateFunction;
/** Precompiled (ajv standalone) validator of `mirrorlistIndexSchema`. */
export declare const validateMirrorlistIndex: ValidateFunction;
