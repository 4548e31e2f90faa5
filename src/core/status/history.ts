/**
 * A mirror's history in the status file: the state changes of the last 30 days and one line
 * per UTC day (checks, checks `ok`, worst lag). The checker carries it from run to run (the
 * published `status/v1.json` is the database); this module advances, ages, checks and sums it.
 *
 * Bounds, so that the status file stays small whatever a mirror does: 30 days (today and the
 * 29 before it, UTC), at most `MAX_CHANGES` changes per mirror (the newest kept), and each
 * change's reason cut to `MAX_REASON_LENGTH` characters. docs/HEALTH.md gives the sizes.
 */
import type { HistoryDay, MirrorHistory, MirrorStatus, StateChange } from "../types.ts";

/** Days kept, today (UTC) included. */
export const HISTORY_DAYS = 30;
/** State changes kept per mirror, newest first to stay: a mirror flapping at every check fills it in 2 days. */
export const MAX_CHANGES = 100;
/** A change's reason is cut to this many characters (reasons are one line; a URL makes them long). */
export const MAX_REASON_LENGTH = 200;

const DAY_MS = 86_400_000;

/** An empty history. */
export function emptyHistory(): MirrorHistory {
  return { changes: [], days: [] };
}

/** The UTC day (`YYYY-MM-DD`) of an instant. */
export function utcDay(time: Date): string {
  return time.toISOString().slice(0, 10);
}

/**
 * The history after one more check: the previous entry's history, aged to the check's time,
 * plus a change when the state differs from the previous entry's, and the check counted in
 * its UTC day. A mirror the checker left alone (`checked: false`, a private mirror, `ok` by
 * convention) adds nothing; nor is a change counted from or to such an entry. Pure.
 */
export function advanceHistory(previous: MirrorStatus | undefined, current: MirrorStatus): MirrorHistory {
  const now = new Date(current.checked_at);
  const history = ageHistory(previous?.history ?? emptyHistory(), now);
  if (current.checked === false) return history;
  const changes = [...history.changes];
  if (previous !== undefined && previous.checked !== false && previous.state !== current.state) {
    changes.push({
      at: current.checked_at,
      from: previous.state,
      to: current.state,
      reason: cut(current.reason),
      ...shortReasonFields(current),
    });
  }
  const today = utcDay(now);
  const days = history.days.filter((d) => d.day !== today);
  const before = history.days.find((d) => d.day === today);
  const line: HistoryDay = {
    day: today,
    checks: (before?.checks ?? 0) + 1,
    ok: (before?.ok ?? 0) + (current.state === "ok" ? 1 : 0),
  };
  const lag = worst(before?.worst_lag_seconds, current.lag_seconds);
  if (lag !== undefined) line.worst_lag_seconds = lag;
  days.push(line);
  return { changes: changes.slice(-MAX_CHANGES), days };
}

/**
 * The history as of `now`: days older than the 30 kept and changes older than 30 days leave;
 * so does anything after `now` (a previous file from a clock that ran ahead is not believed).
 */
export function ageHistory(history: MirrorHistory, now: Date): MirrorHistory {
  const firstDay = utcDay(new Date(now.getTime() - (HISTORY_DAYS - 1) * DAY_MS));
  const today = utcDay(now);
  const oldest = now.getTime() - HISTORY_DAYS * DAY_MS;
  // Changes are in time order (`historyProblem` holds a file to it): trim both ends only.
  const changes = history.changes;
  let first = 0;
  let end = changes.length;
  while (first < end && !(Date.parse(changes[first]?.at ?? "") > oldest)) first++;
  while (end > first && !(Date.parse(changes[end - 1]?.at ?? "") <= now.getTime())) end--;
  return {
    changes: changes.slice(Math.max(first, end - MAX_CHANGES), end),
    days: history.days.filter((d) => d.day >= firstDay && d.day <= today),
  };
}

/** What the schema cannot say about a history: the first inconsistency, by path, or null. */
export function historyProblem(history: MirrorHistory): { path: (string | number)[]; message: string } | null {
  for (const [i, d] of history.days.entries()) {
    if (d.ok > d.checks) return { path: ["history", "days", i, "ok"], message: "counts more ok checks than checks" };
    if (Number.isNaN(Date.parse(`${d.day}T00:00:00Z`)))
      return { path: ["history", "days", i, "day"], message: "is not a day" };
    const before = history.days[i - 1];
    if (before !== undefined && before.day >= d.day) {
      return { path: ["history", "days", i, "day"], message: "must come after the day before it" };
    }
  }
  for (const [i, c] of history.changes.entries()) {
    if (Number.isNaN(Date.parse(c.at))) return { path: ["history", "changes", i, "at"], message: "is not a time" };
    if (c.from === c.to) return { path: ["history", "changes", i, "to"], message: "must differ from `from`" };
    const before = history.changes[i - 1];
    if (before !== undefined && Date.parse(before.at) > Date.parse(c.at)) {
      return { path: ["history", "changes", i, "at"], message: "must not come before the change before it" };
    }
  }
  return null;
}

/** Checks and `ok` checks over the days kept, and their ratio (0–1); null with no checks. */
export function availability(history: MirrorHistory | undefined): { checks: number; ok: number; ratio: number } | null {
  let checks = 0;
  let ok = 0;
  for (const d of history?.days ?? []) {
    checks += d.checks;
    ok += d.ok;
  }
  return checks === 0 ? null : { checks, ok, ratio: ok / checks };
}

/** The 30 UTC days up to `now`'s, oldest first: each day's line, or one of no checks. */
export function historyDays(history: MirrorHistory | undefined, now: Date): HistoryDay[] {
  const lines = new Map((history?.days ?? []).map((d) => [d.day, d]));
  return Array.from({ length: HISTORY_DAYS }, (_, i) => {
    const day = utcDay(new Date(now.getTime() - (HISTORY_DAYS - 1 - i) * DAY_MS));
    return lines.get(day) ?? { day, checks: 0, ok: 0 };
  });
}

/** Every change of every mirror, newest first (ties by mirror name), for the registry's feed. */
export function allChanges(mirrors: Iterable<[string, MirrorStatus]>): { mirror: string; change: StateChange }[] {
  const all: { mirror: string; change: StateChange }[] = [];
  for (const [mirror, status] of mirrors) {
    for (const change of status.history?.changes ?? []) all.push({ mirror, change });
  }
  return all.sort(
    (a, b) =>
      Date.parse(b.change.at) - Date.parse(a.change.at) || (a.mirror < b.mirror ? -1 : a.mirror > b.mirror ? 1 : 0),
  );
}

function worst(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}

/** The reason's code and params, when every param fits the bound a change's reason has. */
function shortReasonFields(status: MirrorStatus): Pick<StateChange, "reason_code" | "reason_params"> {
  const { reason_code: code, reason_params: params } = status;
  if (code === undefined || params === undefined) return {};
  const short = Object.values(params).every((v) => typeof v === "number" || v.length <= MAX_REASON_LENGTH);
  return short ? { reason_code: code, reason_params: { ...params } } : {};
}

function cut(reason: string): string {
  return reason.length <= MAX_REASON_LENGTH ? reason : `${reason.slice(0, MAX_REASON_LENGTH - 1)}…`;
}
