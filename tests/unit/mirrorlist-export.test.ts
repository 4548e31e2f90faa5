import { beforeAll, describe, expect, it } from "vitest";
import { serializeIndex } from "../../src/core/mirrorlist/export-index.ts";
import { mirrorlistIndexSchema } from "../../src/core/mirrorlist/index-schema.ts";
import { parseIndex } from "../../src/core/mirrorlist/read-index.ts";
import { validateMirrorlistIndex as validate } from "../../src/core/schema/compiled-data-validators.js";
import { mirrorlistFiles } from "../../src/site/mirrorlist-files.ts";
import { realIndex } from "./mirrorlist-real-index.ts";
import { registryMirrorFiles } from "./registry-files.ts";

let files: Map<string, string>;

beforeAll(() => {
  const { registry, locate } = realIndex();
  files = new Map(mirrorlistFiles(registry, locate).files.map((f) => [f.path, f.text]));
}, 60_000);

const v1 = () => files.get("mirrorlist/v1.json") ?? "";

describe("the v1 index of the real registry", () => {
  it("is valid against its own JSON Schema", () => {
    // The validator `npm run generate` precompiles from the schema, in ajv's strict mode.
    const valid = validate(JSON.parse(v1()));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(JSON.parse(files.get("mirrorlist/v1.schema.json") ?? "")).toEqual(mirrorlistIndexSchema);
  });

  it("reads back to the same index, and is the same bytes when exported again", () => {
    const { registry, locate } = realIndex();
    const again = mirrorlistFiles(registry, locate).files;
    expect(again.map((f) => f.text)).toEqual([...files.values()]);
    expect(serializeIndex(parseIndex(v1()))).toBe(v1());
  });

  it("holds no e-mail address from mirrors.d, nor any address at all", () => {
    const emails = new Set<string>();
    for (const { text } of registryMirrorFiles()) {
      for (const match of text.matchAll(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g)) emails.add(match[0]);
    }
    expect(emails.size).toBeGreaterThan(100);
    for (const [path, text] of files) {
      expect(text.includes("@"), path).toBe(false);
    }
  });

  it("holds every servable mirror with what selection needs, and is compact", () => {
    const index = parseIndex(v1());
    expect(index.mirrors.length).toBeGreaterThan(480);
    const mcgill = index.mirrors.find((m) => m.name === "mirror.it.mcgill.ca");
    expect(mcgill).toMatchObject({ private: true, monopoly: true, country: "CA", continent: "NA" });
    expect(mcgill?.subnets?.[0]).toEqual(["132.206.0.0/16", "84ce0000", "84ceffff"]);
    expect(index.mirrors.find((m) => m.name === "aws.repo.almalinux.org")).toMatchObject({
      cloud: "aws",
      asns: [14618, 16509],
    });
    expect(index.config.aliases).toEqual({ 8: "8.10", 9: "9.8", 10: "10.2" });
    expect(index.config.versions).toEqual(["8.10", "9.8", "10.2", "10-kitten"]);
    expect(index.mirrors.filter((m) => m.coordinates).length).toBeGreaterThan(index.mirrors.length * 0.8);
  });
});

describe("the static fallbacks of the real registry", () => {
  it("exist for every version, alias and valid repo, and for ISOs per arch", () => {
    for (const path of [
      "mirrorlist/9/baseos",
      "mirrorlist/9.8/baseos",
      "mirrorlist/8/powertools",
      "mirrorlist/10-kitten/extras-common",
      "mirrorlist/9.2/baseos",
      "isolist/10/x86_64_v2",
      "isolist/9.8/aarch64",
    ]) {
      expect(files.has(path), path).toBe(true);
    }
    for (const path of ["mirrorlist/8/crb", "mirrorlist/9/powertools", "isolist/9/x86_64_v2"]) {
      expect(files.has(path), path).toBe(false);
    }
  });

  it("list every public mirror in name order, http preferred, $basearch literal", () => {
    const { prepared } = realIndex();
    const lines = (files.get("mirrorlist/9/baseos") ?? "").trimEnd().split("\n");
    expect(lines).toHaveLength(prepared.publicMirrors.length);
    expect(lines[0]).toMatch(/^http:\/\/.+\/9\.8\/BaseOS\/\$basearch\/os\/$/);
    expect(lines.some((l) => l.includes("mcgill"))).toBe(false);
    expect(files.get("mirrorlist/9/baseos")).toBe(files.get("mirrorlist/9.8/baseos"));
    expect(files.get("mirrorlist/9/baseos-source")).toBe("http://vault.almalinux.org/9.8/BaseOS/Source/\n");
  });
});
