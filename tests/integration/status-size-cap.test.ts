/**
 * Hostile status files at the 32 MiB cap with bad entries: the build (and `check-mirrors
 * --previous`) reads them in seconds and a few hundred megabytes, placing each reported entry
 * by scanning the JSON. Before, a single bad entry made the reader build a `yaml` document of
 * the whole file: a 4 MiB file took 21 s and 2.2 GB, a 32 MiB one ran out of memory.
 */
import { describe, expect, it } from "vitest";
import { MAX_ENTRY_WARNINGS, MAX_STATUS_BYTES, parseStatusFile } from "../../src/core/status/status-file.ts";

describe("a status file at the size cap with bad entries", () => {
  const entry = { state: "ok", reason: "Checked.", checked_at: "2026-12-01T06:00:00Z" };

  it("places the one bad entry of a file of many good ones, pretty-printed", () => {
    const count = Math.floor(MAX_STATUS_BYTES / 140);
    const mirrors = Object.fromEntries(Array.from({ length: count }, (_, i) => [`m${i}.example.org`, entry]));
    mirrors[`m${count - 1}.example.org`] = { ...entry, state: "nonsense" };
    const text = JSON.stringify({ checked_at: entry.checked_at, mirrors }, null, 1);
    expect(text.length).toBeGreaterThan(MAX_STATUS_BYTES * 0.75);
    expect(text.length).toBeLessThan(MAX_STATUS_BYTES);
    const { status, diagnostics } = parseStatusFile("status.json", text);
    expect(Object.keys(status?.mirrors ?? {})).toHaveLength(count - 1);
    const before = text.slice(0, text.indexOf('"nonsense"'));
    const line = before.split("\n").length;
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual([
      `${line}:${before.length - before.lastIndexOf("\n")} status-entry`,
    ]);
  });

  it("places a bad entry that is one array of zeros filling the file", () => {
    const zeros = Math.floor((MAX_STATUS_BYTES - 200) / 2);
    const text = `{"checked_at":"${entry.checked_at}","mirrors":{"z.example.org":{"state":"ok","reason":"r","checked_at":"${entry.checked_at}","timings":[${"0,".repeat(zeros - 1)}0]}}}`;
    expect(text.length).toBeLessThan(MAX_STATUS_BYTES);
    const { diagnostics } = parseStatusFile("status.json", text);
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual([
      `1:${text.indexOf("[") + 1} status-entry`,
    ]);
  });

  it("reports the first bad entries of a file of many bad ones, and counts the rest", () => {
    // 20,000: forty times the real registry. (A million keys would cost V8's JSON.parse itself
    // tens of seconds, before any of our code runs.)
    const count = 20_000;
    const body = Array.from({ length: count }, (_, i) => `"m${i}":{"state":0,"pad":"${"x".repeat(1500)}"}`).join(",\n");
    const text = `{"checked_at":"${entry.checked_at}","mirrors":{\n${body}}}`;
    expect(text.length).toBeGreaterThan(MAX_STATUS_BYTES * 0.85);
    expect(text.length).toBeLessThan(MAX_STATUS_BYTES);
    const { status, diagnostics } = parseStatusFile("status.json", text);
    expect(status?.mirrors).toEqual({});
    expect(diagnostics).toHaveLength(MAX_ENTRY_WARNINGS + 1);
    expect(diagnostics[0]).toMatchObject({ line: 2, column: 6, code: "status-entry" });
    expect(diagnostics.at(-1)).toMatchObject({
      line: 1,
      column: 48,
      params: { variant: "more", count: count - MAX_ENTRY_WARNINGS },
    });
    expect(diagnostics.at(-1)?.message).toMatch(/^[\d,]+ more entries do not read either/);
  });
});
