/**
 * The real registry's facts (how many files, mirrors, public mirrors, warnings by code …), kept
 * in one snapshot, `registry-facts.json`, that `tests/unit/registry-real.test.ts` writes and
 * checks. After a sync of `mirrors.d/`, `npm run test:facts` refreshes it; every other test reads
 * its counts from here rather than pinning them.
 */
import { readFileSync } from "node:fs";

export interface RegistryFacts {
  /** Mirror files in `mirrors.d/`. */
  files: number;
  /** Valid mirrors: a page each. */
  mirrors: number;
  /** Mirrors in the public table: not private and not cloud-only. */
  publicMirrors: number;
  /** Mirrors with a place (from their file or their address). */
  placed: number;
  /** The continents that have a mirror. */
  continents: string[];
  errors: Record<string, number>;
  warnings: Record<string, number>;
  /** All warnings, as `npm run validate` counts them. */
  warningCount: number;
}

export const REGISTRY_FACTS: RegistryFacts = JSON.parse(
  readFileSync(new URL("registry-facts.json", import.meta.url), "utf8"),
);
