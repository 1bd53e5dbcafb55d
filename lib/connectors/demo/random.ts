/**
 * A small seeded PRNG for the demo workspace. The dataset must be identical for the same seed and anchor
 * (tests, screenshots, two panels open side by side), so nothing in it may touch Math.random.
 *
 * mulberry32: https://gist.github.com/tommyettinger/46a874533244883189143505d203312c (public domain),
 * 32-bit state, good enough spread for picking names and times, and a few lines long.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** One element of a non-empty list, chosen by the weight beside it. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** A new, independent stream derived from this one and a label (stable per label). */
  fork(label: string | number): Rng;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over a string: turns a label into a 32-bit seed component. */
export function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('Demo dataset: pick() from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    weighted: <T>(items: readonly (readonly [T, number])[]): T => {
      const total = items.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [item, w] of items) {
        roll -= w;
        if (roll < 0) return item;
      }
      const last = items[items.length - 1];
      if (!last) throw new Error('Demo dataset: weighted() from an empty list');
      return last[0];
    },
    // Forking by label keeps one person's data stable when another person's generation changes shape.
    fork: (label) => createRng((seed ^ hashLabel(String(label))) >>> 0),
  };
  return rng;
}
