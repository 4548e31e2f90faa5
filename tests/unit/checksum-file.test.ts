import { describe, expect, it } from "vitest";
import { MAX_CHECKSUM_BYTES, parseChecksumFile } from "../../src/core/images/checksum-file.ts";
import { advanceOriginFolder, judgeImageFolder, sha256Hex } from "../../src/core/images/folder-state.ts";
import type { ImageFolder } from "../../src/core/images/image-trees.ts";
import { englishReason } from "../../src/core/status/reason-text.ts";
import type { RequestOutcome } from "../../src/core/status/request-outcome.ts";

const A = "a".repeat(64);
const B = "b".repeat(64);
const SIGNED = [
  "-----BEGIN PGP SIGNED MESSAGE-----",
  "Hash: SHA256",
  "",
  "# AlmaLinux-9.8-x86_64-boot.iso: 1059061760 bytes",
  `SHA256 (AlmaLinux-9.8-x86_64-boot.iso) = ${A}`,
  "# AlmaLinux-9-latest-x86_64-boot.iso: 1059061760 bytes",
  `SHA256 (AlmaLinux-9-latest-x86_64-boot.iso) = ${A}`,
  `- SHA256 (dash-escaped.iso) = ${B.toUpperCase()}`,
  "-----BEGIN PGP SIGNATURE-----",
  "",
  `SHA256 (in-the-signature.iso) = ${B}`,
  "-----END PGP SIGNATURE-----",
].join("\n");

describe("parseChecksumFile", () => {
  it("reads AlmaLinux's clear-signed CHECKSUM: sizes, sums, latest names, dash-escaping", () => {
    expect(parseChecksumFile(SIGNED)).toEqual({
      files: [
        { name: "AlmaLinux-9.8-x86_64-boot.iso", size: 1059061760, sha256: A },
        { name: "AlmaLinux-9-latest-x86_64-boot.iso", size: 1059061760, sha256: A },
        { name: "dash-escaped.iso", sha256: B },
      ],
      problems: [],
    });
  });

  it("reads CRLF line ends and sha256sum's own format", () => {
    const text = `# x.qcow2: 12 bytes\r\nSHA256 (x.qcow2) = ${A}\r\n${B}  y.raw.xz\r\n`;
    expect(parseChecksumFile(text).files).toEqual([
      { name: "x.qcow2", size: 12, sha256: A },
      { name: "y.raw.xz", sha256: B },
    ]);
  });

  it("sets aside names that are not plain file names", () => {
    const names = ["../etc/passwd", "a/b.iso", "..", ".", "back\\slash", "tab\there", " padded.iso", "x".repeat(256)];
    const text = names.map((n) => `SHA256 (${n}) = ${A}`).join("\n");
    const reading = parseChecksumFile(`${text}\nSHA256 (ok.iso) = ${A}\n`);
    expect(reading.files).toEqual([{ name: "ok.iso", sha256: A }]);
    expect(reading.problems.length).toBeGreaterThan(0);
    expect(reading.problems.length).toBeLessThanOrEqual(5);
  });

  it("refuses a name listed twice with different sums, and keeps one listed twice alike", () => {
    const text = `SHA256 (twice.iso) = ${A}\nSHA256 (twice.iso) = ${B}\nSHA256 (same.iso) = ${A}\nSHA256 (same.iso) = ${A}\n`;
    const reading = parseChecksumFile(text);
    expect(reading.files).toEqual([{ name: "same.iso", sha256: A }]);
    expect(reading.problems).toEqual(["twice.iso is listed twice with different sums"]);
  });

  it("refuses binary data and huge text without reading it", () => {
    expect(parseChecksumFile(`SHA256 (a.iso) = ${A}\n\u0000\u0001`).files).toEqual([]);
    expect(parseChecksumFile(`SHA256 (a.iso) = ${A}\n\uFFFD`).problems).toEqual(["binary data: not a CHECKSUM file"]);
    const huge = `SHA256 (a.iso) = ${A}\n`.repeat(MAX_CHECKSUM_BYTES / 40);
    expect(parseChecksumFile(huge).files).toEqual([]);
  });

  it("bounds the number of files, and never throws on random input", () => {
    const many = Array.from({ length: 600 }, (_, i) => `SHA256 (f${i}) = ${A}`).join("\n");
    expect(parseChecksumFile(many).files).toHaveLength(512);
    for (let seed = 1; seed < 200; seed++) {
      let x = seed;
      const chars = Array.from({ length: 300 }, () => {
        x = (x * 1103515245 + 12345) % 2 ** 31;
        return "SHA256 ()=#: bytes\n\r/.a0f-"[x % 22] ?? "";
      });
      expect(() => parseChecksumFile(chars.join(""))).not.toThrow();
    }
  });
});

const folder: ImageFolder = {
  tree: "isos",
  version: "9.8",
  arch: "x86_64",
  path: "9.8/isos/x86_64/",
  key: "isos/x86_64/9.8",
};
const NOW = new Date("2026-12-08T00:00:00Z");
const ORIGIN_TEXT = `SHA256 (a.iso) = ${A}\nSHA256 (b.iso) = ${B}\n`;
const OLD_TEXT = `SHA256 (a.iso) = ${B}\n`;
const bytes = (text: string) => new TextEncoder().encode(text);
const answer = (status: number, text: string | null): RequestOutcome => ({
  kind: "response",
  url: "https://m.example/9.8/isos/x86_64/CHECKSUM",
  status,
  body: text,
  ...(text === null ? {} : { bytes: Buffer.from(bytes(text)) }),
  ms: 1,
});

describe("an image folder at a mirror", () => {
  const first = advanceOriginFolder(
    undefined,
    { checksumSha256: sha256Hex(bytes(OLD_TEXT)), files: [], torrent: false },
    new Date(NOW.getTime() - 3600_000),
    43_200,
  );
  const origin = advanceOriginFolder(
    first,
    { checksumSha256: sha256Hex(bytes(ORIGIN_TEXT)), files: parseChecksumFile(ORIGIN_TEXT).files, torrent: false },
    NOW,
    43_200,
  );
  if (origin === undefined) throw new Error("no origin record");

  it("keeps the replaced CHECKSUM as an alternate", () => {
    expect(origin.alternates).toEqual([
      { checksum_sha256: sha256Hex(bytes(OLD_TEXT)), superseded_at: NOW.toISOString() },
    ]);
  });

  it("is verified with the origin's bytes, behind with the previous ones, missing on 404", () => {
    expect(judgeImageFolder(folder, origin, answer(200, ORIGIN_TEXT), NOW, 43_200)).toEqual({ state: "verified" });
    expect(judgeImageFolder(folder, origin, answer(200, OLD_TEXT), NOW, 43_200).state).toBe("behind");
    expect(judgeImageFolder(folder, origin, answer(404, "not found"), NOW, 43_200)).toMatchObject({
      state: "missing",
      reason: expect.stringContaining("does not carry 9.8/isos/x86_64/"),
    });
  });

  it("is behind no longer once the alternate is older than allowed_outdate", () => {
    const later = new Date(NOW.getTime() + 13 * 3600_000);
    expect(judgeImageFolder(folder, origin, answer(200, OLD_TEXT), later, 43_200).state).toBe("mismatch");
  });

  it("names the first file that differs, so the sponsor knows what to sync", () => {
    const other = `SHA256 (a.iso) = ${A}\nSHA256 (b.iso) = ${A}\n`;
    const url = "https://m.example/9.8/isos/x86_64/CHECKSUM";
    expect(judgeImageFolder(folder, origin, answer(200, other), NOW, 43_200)).toEqual({
      state: "mismatch",
      reason:
        "https://m.example/9.8/isos/x86_64/CHECKSUM differs from the origin's: it has another sum for b.iso. Sync 9.8/isos/x86_64/ again, deleting files the origin no longer has",
      reason_code: "folder-mismatch",
      reason_params: { url, folder: folder.path, variant: "other-sum", file: "b.iso" },
    });
    const judged = (text: string) => judgeImageFolder(folder, origin, answer(200, text), NOW, 43_200);
    expect(judged(`SHA256 (a.iso) = ${A}\n`)).toMatchObject({ reason_params: { variant: "unlisted", file: "b.iso" } });
    expect(judged("no sums here")).toMatchObject({ reason_params: { variant: "empty" } });
    expect(judged(`${ORIGIN_TEXT}\n`)).toMatchObject({ reason_params: { variant: "same-sums" } });
  });

  it("words every reason from the catalogue, with its code and params beside it", () => {
    const failed: RequestOutcome = { kind: "failure", url: answer(200, null).url, failure: { type: "refused" }, ms: 1 };
    const verdicts = [
      judgeImageFolder(folder, origin, failed, NOW, 43_200),
      judgeImageFolder(folder, origin, answer(404, "not found"), NOW, 43_200),
      judgeImageFolder(folder, origin, answer(503, "busy"), NOW, 43_200),
      judgeImageFolder(folder, origin, answer(200, OLD_TEXT), NOW, 43_200),
    ];
    expect(verdicts.map((v) => ("reason" in v ? [v.state, v.reason_code] : [v.state]))).toEqual([
      ["unknown", "folder-failed"],
      ["missing", "folder-missing"],
      ["missing", "folder-status"],
      ["behind", "folder-behind"],
    ]);
    for (const v of verdicts) {
      if (!("reason" in v)) throw new Error("no reason");
      expect(v.reason).toBe(englishReason(v.reason_code, v.reason_params));
    }
    expect(verdicts[0]).toMatchObject({
      reason: "CHECKSUM could not be read from https://m.example/9.8/isos/x86_64/CHECKSUM: connection refused",
    });
    expect(verdicts[3]).toMatchObject({
      reason:
        "9.8/isos/x86_64/CHECKSUM is the origin's previous one, replaced 0 seconds ago: the next sync brings the new images",
    });
  });

  it("cuts a long reason to the schema's bound", () => {
    const long = { ...answer(404, null), url: `https://m.example/${"x".repeat(400)}/CHECKSUM` };
    const v = judgeImageFolder(folder, origin, long, NOW, 43_200);
    expect("reason" in v && v.reason.length).toBe(300);
  });
});
