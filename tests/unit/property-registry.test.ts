/**
 * Property-based tests of `buildRegistry`: a small registry of real, mutated and random files
 * (some under the same name) with a real, mutated or missing config always builds, and what
 * it keeps is consistent with what it says.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildRegistry, type SourceText } from "../../src/core/registry.ts";
import {
  expectPublishable,
  expectWellFormed,
  mirrorShapedDocument,
  mutatedText,
  randomText,
  realConfigText,
  realMirrorTexts,
  withinBudget,
} from "./property-support.ts";

const mirrorText = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...realMirrorTexts) },
  { weight: 3, arbitrary: mutatedText(realMirrorTexts) },
  { weight: 1, arbitrary: mirrorShapedDocument },
  { weight: 1, arbitrary: randomText },
);

/** Up to eight files; a file may be repeated under another path, as a copied file would be. */
const mirrorFiles = fc
  .array(fc.tuple(mirrorText, fc.nat(2)), { minLength: 0, maxLength: 8 })
  .map((entries) =>
    entries.flatMap(([text, copies], i) =>
      Array.from({ length: copies === 2 ? 2 : 1 }, (_, c) => ({ file: `mirrors.d/f${i}-${c}.yml`, text })),
    ),
  );

const configFile = fc.oneof(
  fc.constant({ file: "config.yml", text: realConfigText }),
  mutatedText([realConfigText]).map((text) => ({ file: "config.yml", text })),
  fc.constant(null),
);

describe("buildRegistry under hostile input", () => {
  it("keeps exactly the files it found no error in, under unique names", () => {
    fc.assert(
      fc.property(mirrorFiles, configFile, (files: SourceText[], config: SourceText | null) => {
        const registry = withinBudget(() => buildRegistry(files, config), 400);
        const texts = new Map([...files, ...(config ? [config] : [])].map((f) => [f.file, f.text]));
        for (const [file, text] of texts) {
          expectWellFormed(
            registry.diagnostics.filter((d) => d.file === file),
            file,
            text,
          );
        }
        expect(registry.diagnostics.every((d) => texts.has(d.file))).toBe(true);
        expect(registry.files).toBe(files.length);
        const names = registry.mirrors.map((m) => m.name);
        expect(new Set(names).size).toBe(names.length);
        const failed = new Set(registry.diagnostics.filter((d) => d.severity === "error").map((d) => d.file));
        for (const mirror of registry.mirrors) {
          expect(failed.has(mirror.file), `${mirror.file} kept despite an error`).toBe(false);
          expectPublishable(mirror, texts.get(mirror.file) ?? "");
        }
        // Every mirror file is either kept or explained by an error of its own.
        const kept = new Set(registry.mirrors.map((m) => m.file));
        for (const { file } of files) expect(kept.has(file) || failed.has(file), file).toBe(true);
        expect(registry.config === null).toBe(config === null || failed.has("config.yml"));
      }),
      { numRuns: 200 },
    );
  }, 20_000);
});
