/**
 * Seeded pseudo-random order. Upstream shuffles near mirrors on every request; seeding the order
 * by the client's network and the day gives one machine the same list all day (so `dnf` keeps
 * its fastest-mirror choice and its cache) while spreading different networks over the mirrors.
 */

/** 32-bit FNV-1a hash of a string (UTF-16 code units; seeds only need to be stable). */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A generator of floats in [0, 1) (mulberry32): tiny, fast and good enough for shuffling. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffles `items` in place (Fisher–Yates) with `random`, and returns it. */
export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const held = items[i] as T;
    items[i] = items[j] as T;
    items[j] = held;
  }
  return items;
}

/** The UTC day of `now` as `YYYY-MM-DD`: the period over which one client's order is stable. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
