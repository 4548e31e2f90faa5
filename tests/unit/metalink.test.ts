/**
 * Metalink answers over the real registry: the document's shape as librepo reads it, the same
 * mirrors as the mirrorlist for that client, refusals as comment-only documents, and XML that
 * stays well-formed whatever the registry holds.
 */
import fc from "fast-check";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { metalinkDocument, metalinkHead } from "../../src/core/metalink/metalink-document.ts";
import { answerRequest, METALINK_TYPE } from "../../src/core/mirrorlist/answer.ts";
import { clientFromRequest } from "../../src/core/mirrorlist/client.ts";
import {
  attachRepomd,
  EDGE_INDEX_PATH,
  EDGE_REPOMD_PATH,
  edgeIndexFiles,
  needsRepomd,
} from "../../src/core/mirrorlist/edge-index.ts";
import { type PreparedIndex, prepareIndex } from "../../src/core/mirrorlist/prepared-index.ts";
import { parseIndex } from "../../src/core/mirrorlist/read-index.ts";
import type { RepomdHistory } from "../../src/core/repomd/repomd-history.ts";
import { ask, DAY, FRANKFURT, HASHES_CHECKED_AT, realIndexWithHashes } from "./mirrorlist-real-index.ts";

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (n) => n === "url" });

let prepared: PreparedIndex;
let repomd: Record<string, RepomdHistory>;

beforeAll(() => {
  ({ prepared, repomd } = realIndexWithHashes());
}, 60_000);

const metalink = (path: string, cf = FRANKFURT) => ask(path, "192.0.2.10", cf, prepared);

describe("a metalink answer", () => {
  it("carries the current hashes, the alternates and the mirrorlist's mirrors in its order", () => {
    const answer = metalink("/metalink/9/baseos?arch=x86_64");
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe(METALINK_TYPE);
    expect(XMLValidator.validate(answer.body)).toBe(true);
    const doc = parser.parse(answer.body);
    expect(doc.metalink["@version"]).toBe("3.0");
    expect(doc.metalink["@pubdate"]).toBe(new Date(HASHES_CHECKED_AT).toUTCString());
    const file = doc.metalink.files.file;
    expect(file["@name"]).toBe("repomd.xml");
    const history = repomd["9.8/BaseOS/x86_64/os"] as RepomdHistory;
    const hashes = Object.fromEntries(
      file.verification.hash.map((h: Record<string, string>) => [h["@type"], h["#text"]]),
    );
    expect(hashes).toEqual({ sha256: history.current.sha256, sha512: history.current.sha512 });
    expect(file.size).toBe(history.current.size);
    expect(file["mm0:alternates"]["mm0:alternate"].size).toBe(history.alternates[0]?.size);

    const urls: Record<string, string>[] = file.resources.url;
    const list = metalink("/mirrorlist/9/baseos?arch=x86_64");
    const listHosts = list.body
      .trimEnd()
      .split("\n")
      .map((line) => new URL(line).host);
    expect(urls.map((u) => new URL(u["#text"] ?? "").host)).toEqual(listHosts);
    expect(urls.map((u) => Number(u["@preference"]))).toEqual(listHosts.map((_, i) => 100 - i));
    for (const url of urls) {
      expect(url["#text"]).toMatch(/\/9\.8\/BaseOS\/x86_64\/os\/repodata\/repomd\.xml$/);
      expect(url["#text"]?.startsWith(`${url["@protocol"]}://`)).toBe(true);
    }
  });

  it("answers MirrorManager's query form the same, ignoring parameters it does not know", () => {
    const path = metalink("/metalink/9/baseos?arch=x86_64");
    const query = metalink("/metalink?repo=baseos-9&arch=x86_64&countme=1");
    expect(query).toEqual(path);
    expect(metalink("/metalink?repo=baseos-10-kitten&arch=x86_64").status).toBe(200);
  });

  it("keeps to one protocol when asked", () => {
    const answer = metalink("/metalink/9/baseos?arch=x86_64&protocol=https");
    const urls: Record<string, string>[] = parser.parse(answer.body).metalink.files.file.resources.url;
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url["@protocol"]).toBe("https");
  });

  it("refuses unknown repos, versions and arches with a 404 comment-only document, and a missing arch with a 400", () => {
    for (const path of [
      "/metalink/9/nosuchrepo?arch=x86_64",
      "/metalink/7/baseos?arch=x86_64",
      "/metalink/9/baseos?arch=riscv64",
      "/metalink?repo=nosuchrepo-9&arch=x86_64",
    ]) {
      const answer = metalink(path);
      expect(answer.status, path).toBe(404);
      expect(answer.contentType).toBe(METALINK_TYPE);
      expect(answer.body).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<!-- .+ -->\n$/);
    }
    expect(metalink("/metalink/9/baseos").status).toBe(400);
  });

  it("refuses hostile repo and arch values with a well-formed document, never an answer", () => {
    for (const [query, status] of [
      ["?repo=__proto__-9&arch=x86_64", 404],
      ["?repo=constructor-9&arch=x86_64", 404],
      ["?repo=baseos-&arch=x86_64", 404],
      ["?repo=-9&arch=x86_64", 404],
      ["?repo=baseos-9&arch=__proto__", 400],
      ["?repo=baseos-9&arch=%3Cscript%3E", 400],
      [`?repo=baseos-9&arch=x86_64&x=${"a".repeat(300)}`, 400],
    ] as const) {
      const answer = metalink(`/metalink${query}`);
      expect(answer.status, query).toBe(status);
      expect(answer.body).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<!-- [^\n]* -->\n$/);
      expect(answer.body.split("-->")).toHaveLength(2);
    }
  });

  it("adds the explanation as comments when asked, still well-formed", () => {
    const client = clientFromRequest("192.0.2.10", FRANKFURT);
    const plain = answerRequest(prepared, "/metalink/9/baseos", "?arch=x86_64", client, DAY);
    const explained = answerRequest(prepared, "/metalink/9/baseos", "?arch=x86_64", client, DAY, {
      explainInBody: true,
    });
    expect(plain.body).not.toContain("<!--");
    expect(XMLValidator.validate(explained.body)).toBe(true);
    const comments = [...explained.body.matchAll(/<!-- (.*) -->/g)].map((m) => m[1]);
    expect(comments).toEqual(plain.explain);
  });
});

describe("metalinkDocument", () => {
  const hashes = {
    current: { timestamp: 1, size: 2, sha256: "a".repeat(64), sha512: "b".repeat(128) },
    alternates: [],
  };

  it("is well-formed XML for any URL, country and explanation", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary" }),
        fc.string({ unit: "binary" }),
        fc.array(fc.string({ unit: "binary" }), { maxLength: 3 }),
        (url, country, explain) => {
          const body = metalinkDocument(
            metalinkHead(hashes, new Date(0)),
            [{ url, protocol: "https", country }],
            explain,
          );
          expect(XMLValidator.validate(body)).toBe(true);
          const parsed = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === "url", processEntities: true });
          expect(parsed.parse(body).metalink.files.file.resources.url).toHaveLength(1);
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);
});

describe("the edge's index, in two files", () => {
  it("keeps the hashes out of the index, and answers the same metalinks once they are added", () => {
    const [lists, hashes] = edgeIndexFiles(prepared.index);
    expect(lists?.path).toBe(EDGE_INDEX_PATH);
    expect(hashes?.path).toBe(EDGE_REPOMD_PATH);
    expect(lists?.text).not.toContain('"repomd"');
    const edge = prepareIndex(parseIndex(lists?.text ?? ""));
    expect(edge.repomd.size).toBe(0);
    expect(needsRepomd("/metalink/9/baseos")).toBe(true);
    expect(needsRepomd("/mirrorlist/9/baseos")).toBe(false);
    attachRepomd(edge, hashes?.text ?? "");
    for (const path of ["/metalink/9/baseos?arch=x86_64", "/metalink?repo=baseos-8&arch=x86_64&protocol=https"]) {
      expect(ask(path, "192.0.2.10", FRANKFURT, edge).body).toBe(metalink(path).body);
    }
    expect(() => attachRepomd(edge, "[]")).toThrow(/not an object/);
  });
});
