/** Property-based tests of `checkConfigFile`: no throw, no hang, every rejection explained. */
import fc from "fast-check";
import { describe, it } from "vitest";
import { checkConfigFile } from "../../src/core/config-file.ts";
import {
  expectRejectionExplained,
  expectWellFormed,
  mutatedText,
  randomText,
  randomYamlDocument,
  realConfigText,
  withinBudget,
} from "./property-support.ts";

const FILE = "config.yml";

function holdsFor(text: string): void {
  const { config, diagnostics } = withinBudget(() => checkConfigFile(FILE, text));
  expectWellFormed(diagnostics, FILE, text);
  expectRejectionExplained(config !== null, diagnostics);
}

describe("checkConfigFile under hostile input", () => {
  it("answers random text and random YAML documents", () => {
    fc.assert(fc.property(fc.oneof(randomText, randomYamlDocument), holdsFor), { numRuns: 300 });
  }, 20_000);

  it("answers mutated real configs", () => {
    fc.assert(fc.property(mutatedText([realConfigText]), holdsFor), { numRuns: 300 });
  }, 20_000);
});
