/**
 * Property-based tests of `checkMirrorFile`: whatever text a pull request brings, the core
 * answers quickly with diagnostics placed in the file, never an exception, and never lets an
 * e-mail or a non-web URL through in a mirror it accepts.
 */
import fc from "fast-check";
import { describe, it } from "vitest";
import { checkMirrorFile } from "../../src/core/mirror-file.ts";
import {
  expectPublishable,
  expectRejectionExplained,
  expectWellFormed,
  mirrorShapedDocument,
  mutatedText,
  randomText,
  randomYamlDocument,
  realMirrorTexts,
  withinBudget,
} from "./property-support.ts";

const FILE = "mirrors.d/x.yml";

/** Every invariant of one call of `checkMirrorFile` on `text`. */
function holdsFor(text: string): void {
  const { mirror, diagnostics } = withinBudget(() => checkMirrorFile(FILE, text));
  expectWellFormed(diagnostics, FILE, text);
  expectRejectionExplained(mirror !== null, diagnostics);
  if (mirror !== null) expectPublishable(mirror, text);
}

describe("checkMirrorFile under hostile input", () => {
  it("answers random text with placed diagnostics", () => {
    fc.assert(fc.property(randomText, holdsFor), { numRuns: 300 });
  }, 20_000);

  it("answers random YAML documents of any shape", () => {
    fc.assert(fc.property(randomYamlDocument, holdsFor), { numRuns: 300 });
  }, 20_000);

  it("answers mirror-shaped documents with random field values", () => {
    fc.assert(fc.property(mirrorShapedDocument, holdsFor), { numRuns: 400 });
  }, 20_000);

  it("answers mutated real mirror files", () => {
    fc.assert(fc.property(mutatedText(realMirrorTexts), holdsFor), { numRuns: 1000 });
  }, 20_000);
});
