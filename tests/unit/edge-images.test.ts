import fc from "fast-check";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { withImages } from "../../scripts/bench/_image-status.ts";
import {
  answerDownload,
  answerNearest,
  type PreparedImages,
  prepareImages,
} from "../../src/core/images/edge-images.ts";
import { bitmapHas, encodeBitmap, imageAsset } from "../../src/core/images/image-index.ts";
import { METALINK4_TYPE, metalink4Document } from "../../src/core/metalink/metalink4-document.ts";
import { clientFromRequest } from "../../src/core/mirrorlist/client.ts";
import { debugAnswer } from "../../src/core/mirrorlist/debug-answers.ts";
import { exportIndex } from "../../src/core/mirrorlist/export-index.ts";
import { type PreparedIndex, prepareIndex } from "../../src/core/mirrorlist/prepared-index.ts";
import { DAY, FRANKFURT, realIndex } from "./mirrorlist-real-index.ts";

let prepared: PreparedIndex;
let images: PreparedImages;
let verified: (name: string, key: string) => boolean;

beforeAll(() => {
  const { registry, locate } = realIndex();
  const withStatus = withImages(registry);
  prepared = prepareIndex(exportIndex(withStatus, locate));
  const names = prepared.index.mirrors.map((m) => m.name);
  if (withStatus.config === null) throw new Error("no config");
  images = prepareImages(imageAsset(withStatus.config, withStatus.status, names));
  verified = (name, key) => withStatus.status?.mirrors[name]?.images?.[key]?.state === "verified";
}, 60_000);

const frankfurt = clientFromRequest("192.0.2.44", FRANKFURT);
const download = (path: string, search = "", client = frankfurt) =>
  answerDownload(prepared, images, path, search, client, DAY);
const ISO = "/download/9/isos/x86_64/AlmaLinux-9-latest-x86_64-dvd.iso";

describe("/download/", () => {
  it("redirects a major version's latest name to the nearest mirror whose folder is verified", () => {
    const answer = download(ISO);
    expect(answer.status).toBe(302);
    const location = new URL(answer.location ?? "");
    expect(location.pathname.endsWith("/9.8/isos/x86_64/AlmaLinux-9-latest-x86_64-dvd.iso")).toBe(true);
    const chosen = prepared.mirrors.find((m) =>
      answer.location?.startsWith(m.entry.urls.http ?? m.entry.urls.https ?? "-"),
    );
    expect(chosen?.entry.country).toBe("DE");
    expect(verified(chosen?.entry.name ?? "", "isos/x86_64/9.8")).toBe(true);
  });

  it("never hands out a mirror whose folder is behind or missing, for any client", () => {
    for (let i = 0; i < 300; i++) {
      const client = clientFromRequest(`198.51.100.${i % 250}`, { country: ["DE", "US", "JP", "BR", "ZA"][i % 5] });
      const answer = download(ISO, "", client);
      const chosen = prepared.mirrors.find((m) =>
        [m.entry.urls.http, m.entry.urls.https].some((u) => u !== undefined && answer.location?.startsWith(u)),
      );
      expect(verified(chosen?.entry.name ?? "", "isos/x86_64/9.8")).toBe(true);
    }
  });

  it("redirects to the Metalink's first mirror, though it chooses only one", () => {
    const parser = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === "url" });
    for (let i = 0; i < 200; i++) {
      const client = clientFromRequest(`203.0.113.${i}`, {
        country: ["DE", "US", "JP", "BR", "ZA", "IS"][i % 6],
        latitude: String((i % 120) - 60),
        longitude: String(((i * 7) % 360) - 180),
      });
      const first = parser.parse(download(`${ISO}.meta4`, "", client).body).metalink.file.url[0]["#text"];
      expect(download(ISO, "", client).location).toBe(first);
    }
  });

  it("keeps protocol= as the lists do", () => {
    expect(download(ISO, "?protocol=https").location?.startsWith("https://")).toBe(true);
  });

  it("refuses a name the CHECKSUM does not list, an unknown folder or version, and hostile paths", () => {
    expect(download("/download/9/isos/x86_64/AlmaLinux-9-latest-x86_64-evil.iso")).toMatchObject({ status: 404 });
    expect(download("/download/9/isos/sparc/CHECKSUM")).toMatchObject({ status: 404 });
    expect(download("/download/7/isos/x86_64/x.iso")).toMatchObject({ status: 404 });
    for (const path of [
      "/download/9/isos/x86_64/%2e%2e%2f%2e%2e%2fetc",
      "/download/9/../../x86_64/a.iso",
      "/download/9/isos/x86_64/%E0%A4%A",
      "/download/9/a.iso",
      `/download/9/isos/x86_64/${"a".repeat(500)}`,
    ]) {
      const answer = download(path);
      expect([400, 404], path).toContain(answer.status);
      expect(answer.location).toBeUndefined();
    }
    expect(download(ISO, "?protocol=gopher").status).toBe(400);
  });

  it("answers ….meta4 with Metalink 4: size, sha-256, up to ten mirrors with priority and location", () => {
    const answer = download(`${ISO}.meta4`);
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe(METALINK4_TYPE);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (n) => n === "url" }).parse(
      answer.body,
    );
    const file = doc.metalink.file;
    expect(doc.metalink["@xmlns"]).toBe("urn:ietf:params:xml:ns:metalink");
    expect(file["@name"]).toBe("AlmaLinux-9-latest-x86_64-dvd.iso");
    expect(file.hash["@type"]).toBe("sha-256");
    expect(file.hash["#text"]).toMatch(/^[0-9a-f]{64}$/);
    expect(Number(file.size)).toBeGreaterThan(0);
    expect(file.url.length).toBeLessThanOrEqual(10);
    expect(file.url.map((u: Record<string, string>) => u["@priority"])).toEqual(
      file.url.map((_: unknown, i: number) => String(i + 1)),
    );
    expect(file.url[0]["@location"]).toBe("de");
  });
});

describe("/nearest/ and /debug/json/", () => {
  it("lists five verified mirrors of the folder, with no e-mail, under 2 KiB", () => {
    const answer = answerNearest(prepared, images, "/nearest/isos/x86_64/9", "", frankfurt, DAY);
    expect(answer.status).toBe(200);
    expect(answer.body.length).toBeLessThan(2048);
    const body = JSON.parse(answer.body);
    expect(body.folder).toBe("9.8/isos/x86_64/");
    expect(body.mirrors).toHaveLength(5);
    for (const m of body.mirrors) expect(verified(m.name, "isos/x86_64/9.8")).toBe(true);
    expect(answer.body).not.toContain("@");
    expect(answerNearest(prepared, images, "/nearest/isos/sparc/9", "", frankfurt, DAY).status).toBe(404);
    expect(answerNearest(prepared, images, "/nearest/isos", "", frankfurt, DAY).status).toBe(400);
  });

  it("says what the edge sees of the caller, and which mirrors a list would hold and why", () => {
    expect(JSON.parse(debugAnswer(prepared, "/debug/json/ip_info", "192.0.2.44", frankfurt, DAY))).toMatchObject({
      ip: "192.0.2.44",
      country: "DE",
      latitude: 50.1109,
    });
    const nearest = JSON.parse(debugAnswer(prepared, "/debug/json/nearest_mirrors", "192.0.2.44", frankfurt, DAY));
    expect(nearest.mirrors).toHaveLength(10);
    expect(nearest.mirrors[0].reason).toContain("same country");
  });
});

describe("the image data in the index", () => {
  it("round-trips its bitmaps", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 600 }), (bits) => {
        const hex = encodeBitmap(bits);
        expect(bits.map((_, i) => bitmapHas(hex, i))).toEqual(bits);
        expect(bitmapHas(hex, bits.length + 8)).toBe(false);
      }),
    );
  });
});

describe("the Metalink 4 document", () => {
  it("is well-formed XML whatever the registry and the CHECKSUM hold", () => {
    const text = fc.string({ unit: "binary", maxLength: 80 });
    fc.assert(
      fc.property(
        text,
        fc.option(fc.nat(), { nil: undefined }),
        text,
        fc.array(fc.record({ url: text, country: text }, { requiredKeys: ["url"] }), { maxLength: 12 }),
        fc.array(text, { maxLength: 3 }),
        (name, size, sha256, urls, explain) => {
          const publishedAt = new Date(Number.NaN);
          const body = metalink4Document({
            name,
            ...(size === undefined ? {} : { size }),
            sha256,
            urls,
            publishedAt,
            explain,
          });
          expect(XMLValidator.validate(body)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
