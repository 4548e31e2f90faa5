/**
 * `npm run mirrorlist` prints exactly what the edge answers: the same body as the core's answer
 * for that client, for a mirrorlist and for a metalink, whose `--explain` is XML comments.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerRequest } from "../../src/core/mirrorlist/answer.ts";
import { clientFromRequest } from "../../src/core/mirrorlist/client.ts";
import { serializeIndex } from "../../src/core/mirrorlist/export-index.ts";
import { DAY, FRANKFURT, realIndexWithHashes } from "../unit/mirrorlist-real-index.ts";

const work = mkdtempSync(join(tmpdir(), "mirrorlist-cli-"));
const indexFile = join(work, "v1.json");

beforeAll(() => {
  writeFileSync(indexFile, serializeIndex(realIndexWithHashes().prepared.index));
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The simulator for a client at Frankfurt with a documentation address, on the test day. */
function simulate(path: string, ...flags: string[]) {
  return spawnSync(
    process.execPath,
    [
      "scripts/mirrorlist.ts",
      "--index",
      indexFile,
      "--ip",
      "192.0.2.10",
      "--country",
      "DE",
      "--lat",
      FRANKFURT.latitude,
      "--lon",
      FRANKFURT.longitude,
      "--date",
      DAY.toISOString().slice(0, 10),
      ...flags,
      path,
    ],
    { encoding: "utf8", timeout: 60_000 },
  );
}

function expected(path: string, explainInBody = false) {
  const url = new URL(path, "http://x.invalid");
  const client = clientFromRequest("192.0.2.10", FRANKFURT);
  const { prepared } = realIndexWithHashes();
  return answerRequest(prepared, url.pathname, url.search, client, DAY, { explainInBody });
}

describe("npm run mirrorlist", () => {
  it("prints the edge's mirrorlist for the client, and why on stderr", () => {
    const run = simulate("/mirrorlist/9/baseos?protocol=https", "--explain");
    expect(run.status, run.stderr).toBe(0);
    const answer = expected("/mirrorlist/9/baseos?protocol=https");
    expect(run.stdout).toBe(answer.body);
    expect(run.stderr).toBe(answer.explain.map((l) => `# ${l}\n`).join(""));
  });

  it("prints the edge's metalink, with --explain as XML comments in the document", () => {
    const plain = simulate("/metalink/9/baseos?arch=x86_64");
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stdout).toBe(expected("/metalink/9/baseos?arch=x86_64").body);
    const explained = simulate("/metalink/9/baseos?arch=x86_64", "--explain");
    expect(explained.stdout).toBe(expected("/metalink/9/baseos?arch=x86_64", true).body);
    expect(explained.stdout).toContain("<!-- random order seeded by");
    expect(XMLValidator.validate(explained.stdout)).toBe(true);
    expect(explained.stderr).toBe("");
  });

  it("takes a negative coordinate as its own argument, as users type it", () => {
    const run = (...place: string[]) =>
      spawnSync(process.execPath, ["scripts/mirrorlist.ts", "--index", indexFile, ...place, "/mirrorlist/9/baseos"], {
        encoding: "utf8",
        timeout: 60_000,
      });
    const spaced = run("--country", "CA", "--lat", "45.5", "--lon", "-73.58");
    expect(spaced.status, spaced.stderr).toBe(0);
    expect(spaced.stdout).toBe(run("--country", "CA", "--lat=45.5", "--lon=-73.58").stdout);
    expect(spaced.stdout).toMatch(/^https?:\/\//);
  });

  it("exits 1 with the refusal for an unknown repo", () => {
    const run = simulate("/metalink/9/nosuchrepo?arch=x86_64");
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^<\?xml .*\?>\n<!-- Unknown repo "nosuchrepo" for version 9\.8\. -->\n$/);
  });
});
