/** Durations as reasons word them: a count of the largest whole unit ("3 days", "5 hours"). */

/** A unit as `Intl.NumberFormat` names it. */
export type DurationUnit = "day" | "hour" | "minute" | "second";

const UNITS: readonly [seconds: number, singular: DurationUnit][] = [
  [86_400, "day"],
  [3600, "hour"],
  [60, "minute"],
  [1, "second"],
];

/** The duration as a count of its largest whole unit, rounded down: 266000 → [3, "day"]. */
export function largestUnit(seconds: number): [count: number, unit: DurationUnit] {
  const whole = Math.max(0, Math.floor(seconds));
  for (const [size, unit] of UNITS) {
    if (whole >= size) return [Math.floor(whole / size), unit];
  }
  return [0, "second"];
}
