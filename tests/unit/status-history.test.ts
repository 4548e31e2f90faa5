/** A mirror's history in the status file: carrying it over, aging, its bounds and availability. */
import { describe, expect, it } from "vitest";
import {
  advanceHistory,
  ageHistory,
  allChanges,
  availability,
  HISTORY_DAYS,
  historyDays,
  MAX_CHANGES,
  MAX_REASON_LENGTH,
} from "../../src/core/status/history.ts";
import { parseStatusFile } from "../../src/core/status/status-file.ts";
import type { MirrorState, MirrorStatus } from "../../src/core/types.ts";

const HOUR = 3_600_000;
const start = Date.UTC(2026, 11, 1);
const at = (hours: number) => new Date(start + hours * HOUR).toISOString();

function check(hours: number, state: MirrorState, extra: Partial<MirrorStatus> = {}): MirrorStatus {
  return { state, reason: `${state} at ${hours}h`, checked_at: at(hours), ...extra };
}

/** Runs checks one after another, each carrying the one before, as the checker does. */
function run(checks: MirrorStatus[]): MirrorStatus {
  let previous: MirrorStatus | undefined;
  for (const current of checks) {
    current.history = advanceHistory(previous, current);
    previous = current;
  }
  return previous as MirrorStatus;
}

describe("advanceHistory", () => {
  it("starts with the first check: a day line and no change", () => {
    const first = run([check(1, "ok", { lag_seconds: 0 })]);
    expect(first.history).toEqual({
      changes: [],
      days: [{ day: "2026-12-01", checks: 1, ok: 1, worst_lag_seconds: 0 }],
    });
  });

  it("records ok → broken → ok as two changes with their reasons, and counts the day", () => {
    const last = run([check(1, "ok"), check(1.5, "broken", { reason: "repodata/repomd.xml: 404" }), check(2, "ok")]);
    expect(last.history?.changes).toEqual([
      { at: at(1.5), from: "ok", to: "broken", reason: "repodata/repomd.xml: 404" },
      { at: at(2), from: "broken", to: "ok", reason: "ok at 2h" },
    ]);
    expect(last.history?.days).toEqual([{ day: "2026-12-01", checks: 3, ok: 2 }]);
  });

  it("keeps the worst lag of the day, and starts a new line at UTC midnight", () => {
    const last = run([
      check(22, "ok", { lag_seconds: 600 }),
      check(23, "outdated", { lag_seconds: 90_000 }),
      check(23.5, "ok", { lag_seconds: 0 }),
      check(24.5, "ok", { lag_seconds: 60 }),
    ]);
    expect(last.history?.days).toEqual([
      { day: "2026-12-01", checks: 3, ok: 2, worst_lag_seconds: 90_000 },
      { day: "2026-12-02", checks: 1, ok: 1, worst_lag_seconds: 60 },
    ]);
  });

  it("adds nothing for a mirror the checker left alone, nor a change from such an entry", () => {
    const privateOnes = run([check(1, "ok", { checked: false }), check(2, "ok", { checked: false })]);
    expect(privateOnes.history).toEqual({ changes: [], days: [] });
    const madePublic = run([check(1, "ok", { checked: false }), check(2, "broken")]);
    expect(madePublic.history?.changes).toEqual([]);
    expect(madePublic.history?.days).toEqual([{ day: "2026-12-01", checks: 1, ok: 0 }]);
  });

  it("carries a history across a gap of days, recording the change at the check that saw it", () => {
    const before = run([check(1, "ok")]);
    const after = advanceHistory(before, check(24 * 5, "unreachable"));
    expect(after.days.map((d) => d.day)).toEqual(["2026-12-01", "2026-12-06"]);
    expect(after.changes).toEqual([{ at: at(120), from: "ok", to: "unreachable", reason: "unreachable at 120h" }]);
  });

  it("cuts a long reason", () => {
    const last = run([check(1, "ok"), check(2, "broken", { reason: "x".repeat(5000) })]);
    const reason = last.history?.changes[0]?.reason ?? "";
    expect(reason).toHaveLength(MAX_REASON_LENGTH);
    expect(reason.endsWith("…")).toBe(true);
  });

  it("keeps a change's reason code and params, unless a param is longer than a change's reason may be", () => {
    const coded = (url: string) => ({ reason_code: "base-status", reason_params: { url, status: 503 } });
    const short = run([check(1, "ok"), check(2, "broken", coded("https://m.example.org/"))]);
    expect(short.history?.changes[0]).toMatchObject(coded("https://m.example.org/"));
    const long = run([check(1, "ok"), check(2, "broken", coded(`https://m.example.org/${"x".repeat(300)}`))]);
    expect(long.history?.changes[0]).not.toHaveProperty("reason_code");
    expect(parseStatusFile("s.json", JSON.stringify({ checked_at: at(2), mirrors: { m: short } })).diagnostics).toEqual(
      [],
    );
  });
});

describe("bounds and aging", () => {
  it("keeps 30 UTC days, today included", () => {
    const checks = Array.from({ length: 45 }, (_, day) => check(day * 24 + 12, "ok"));
    const last = run(checks);
    expect(last.history?.days).toHaveLength(HISTORY_DAYS);
    expect(last.history?.days[0]?.day).toBe("2026-12-16");
    expect(last.history?.days.at(-1)?.day).toBe("2027-01-14");
  });

  it("keeps at most MAX_CHANGES changes, the newest", () => {
    const checks = Array.from({ length: MAX_CHANGES + 51 }, (_, i) => check(i / 4, i % 2 === 0 ? "ok" : "broken"));
    const last = run(checks);
    expect(last.history?.changes).toHaveLength(MAX_CHANGES);
    expect(last.history?.changes.at(-1)?.at).toBe(at((MAX_CHANGES + 50) / 4));
  });

  it("drops changes older than 30 days, and anything after now", () => {
    const history = {
      changes: [
        { at: at(0), from: "ok" as const, to: "broken" as const, reason: "old" },
        { at: at(24 * 20), from: "broken" as const, to: "ok" as const, reason: "kept" },
        { at: at(24 * 40), from: "ok" as const, to: "broken" as const, reason: "from the future" },
      ],
      days: [
        { day: "2026-12-01", checks: 1, ok: 0 },
        { day: "2026-12-21", checks: 1, ok: 1 },
        { day: "2027-01-10", checks: 1, ok: 0 },
      ],
    };
    const aged = ageHistory(history, new Date(at(24 * 31)));
    expect(aged.changes.map((c) => c.reason)).toEqual(["kept"]);
    expect(aged.days.map((d) => d.day)).toEqual(["2026-12-21"]);
  });
});

describe("availability", () => {
  it("is ok checks over checks, over the days kept", () => {
    const days = [
      { day: "2026-12-01", checks: 48, ok: 48 },
      { day: "2026-12-02", checks: 48, ok: 24 },
      { day: "2026-12-03", checks: 4, ok: 3 },
    ];
    expect(availability({ changes: [], days })).toEqual({ checks: 100, ok: 75, ratio: 0.75 });
  });

  it("is unknown without checks", () => {
    expect(availability(undefined)).toBeNull();
    expect(availability({ changes: [], days: [] })).toBeNull();
  });
});

describe("historyDays", () => {
  it("gives the 30 UTC days up to now, oldest first, a day without a line as no checks", () => {
    const days = historyDays({ changes: [], days: [{ day: "2026-12-02", checks: 4, ok: 3 }] }, new Date(at(30)));
    expect(days).toHaveLength(HISTORY_DAYS);
    expect(days[0]).toEqual({ day: "2026-11-03", checks: 0, ok: 0 });
    expect(days.at(-1)).toEqual({ day: "2026-12-02", checks: 4, ok: 3 });
    expect(historyDays(undefined, new Date(at(30))).every((d) => d.checks === 0)).toBe(true);
  });
});

describe("allChanges", () => {
  it("lists every mirror's changes, newest first, ties by name", () => {
    const a = run([check(1, "ok"), check(2, "broken")]);
    const b = run([check(1, "ok"), check(2, "unreachable"), check(3, "ok")]);
    const all = allChanges(Object.entries({ "b.example.org": b, "a.example.org": a }));
    expect(all.map((c) => `${c.mirror} ${c.change.to}`)).toEqual([
      "b.example.org ok",
      "a.example.org broken",
      "b.example.org unreachable",
    ]);
  });
});

describe("a history in the status file", () => {
  const file = (history: unknown) =>
    JSON.stringify({
      checked_at: at(3),
      mirrors: {
        "good.example.org": {
          ...check(3, "ok"),
          history: { changes: [], days: [{ day: "2026-12-01", checks: 2, ok: 2 }] },
        },
        "bad.example.org": { ...check(3, "ok"), history },
      },
    });

  it("is read with its entry", () => {
    const { status, diagnostics } = parseStatusFile("status.json", file({ changes: [], days: [] }));
    expect(diagnostics).toEqual([]);
    expect(status?.mirrors["good.example.org"]?.history?.days[0]?.checks).toBe(2);
  });

  it.each([
    [
      "more ok checks than checks",
      { changes: [], days: [{ day: "2026-12-01", checks: 1, ok: 2 }] },
      "history.days.0.ok",
    ],
    [
      "days out of order",
      {
        changes: [],
        days: [
          { day: "2026-12-02", checks: 1, ok: 1 },
          { day: "2026-12-01", checks: 1, ok: 1 },
        ],
      },
      "history.days.1.day",
    ],
    [
      "too many days",
      {
        changes: [],
        days: Array.from({ length: 31 }, (_, i) => ({
          day: `2026-12-${String(i + 1).padStart(2, "0")}`,
          checks: 1,
          ok: 1,
        })),
      },
      "history.days",
    ],
    [
      "a change to the same state",
      { changes: [{ at: at(1), from: "ok", to: "ok", reason: "r" }], days: [] },
      "history.changes.0.to",
    ],
    ["no days", { changes: [] }, "history.days"],
  ])("with %s leaves out that mirror's entry only, with a warning", (_, history, path) => {
    const { status, diagnostics } = parseStatusFile("status.json", file(history));
    expect(Object.keys(status?.mirrors ?? {})).toEqual(["good.example.org"]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.code).toBe("status-entry");
    expect(diagnostics[0]?.message).toContain(`mirrors.bad.example.org.${path}`);
  });
});
