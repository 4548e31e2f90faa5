/** Durations in words, for reasons a mirror owner reads ("3 days", "5 hours"). */

const UNITS: readonly [seconds: number, singular: string][] = [
  [86_400, "day"],
  [3600, "hour"],
  [60, "minute"],
  [1, "second"],
];

/** The duration in its largest whole unit, rounded down: 266000 → "3 days", 7300 → "2 hours". */
export function formatAge(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  for (const [size, unit] of UNITS) {
    if (whole >= size) {
      const n = Math.floor(whole / size);
      return `${n} ${unit}${n === 1 ? "" : "s"}`;
    }
  }
  return "0 seconds";
}
