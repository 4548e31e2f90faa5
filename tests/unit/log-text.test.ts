/** Hostile: registry text printed on a log line never starts a GitHub workflow command. */
import { describe, expect, it } from "vitest";
import { progressReporter } from "../../scripts/check/progress.ts";
import { escapeLogText } from "../../src/core/log-text.ts";
import type { MirrorStatus } from "../../src/core/types.ts";

describe("escapeLogText", () => {
  it("escapes as GitHub's annotations do, and every other control or line separator too", () => {
    expect(escapeLogText("a\n::error::b")).toBe("a%0A::error::b");
    expect(escapeLogText("100%\r\n::add-mask::x")).toBe("100%25%0D%0A::add-mask::x");
    expect(escapeLogText("\u2028\u2029\u0085\u001b[2J\u0000")).toBe("%E2%80%A8%E2%80%A9%C2%85%1B[2J%00");
  });

  it("leaves ordinary text in any script as it is", () => {
    const text = "mirrors.d/x.yml: `Köln` 東京 مرآة (3 h) — ok";
    expect(escapeLogText(text)).toBe(text);
  });
});

describe("the checker's progress lines", () => {
  it("print a hostile name and reason on one line each", () => {
    const written: string[] = [];
    const write = (s: string) => written.push(s) > 0;
    const stream = { isTTY: false, write } as unknown as NodeJS.WriteStream;
    const status = { state: "broken", reason: "no\n::error::forged", checked_at: "2026-12-01T06:00:00Z" };
    progressReporter(1, stream).mirror("x\r::add-mask::y", status as MirrorStatus);
    expect(written.join("")).toBe("broken      x%0D::add-mask::y: no%0A::error::forged\n");
  });
});
