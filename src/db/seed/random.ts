// A seeded PRNG (sfc32, seeded through splitmix32) so the demo company is the same on every
// machine for the same seed: Math.random and the clock are never used by the generator.

export type Random = {
  /** A float in [0, 1). */
  next: () => number;
  uint32: () => number;
  /** An integer in [min, max], both included. */
  int: (min: number, max: number) => number;
  /** A float in [min, max). */
  between: (min: number, max: number) => number;
  chance: (probability: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  weighted: <T>(items: readonly T[], weights: readonly number[]) => T;
  /** Approximately normal (sum of four uniforms), cheap and bounded to mean ± 3.5 sd. */
  normal: (mean: number, sd: number) => number;
  shuffle: <T>(items: readonly T[]) => T[];
  /** An independent stream, so one generator's draws never shift another's. */
  fork: (label: number) => Random;
};

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRandom(seed: number): Random {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const uint32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  // Warm up: sfc32's first outputs are correlated with the seed.
  for (let i = 0; i < 12; i++) uint32();

  const next = () => uint32() / 4294967296;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const random: Random = {
    next,
    uint32,
    int,
    between: (min, max) => min + next() * (max - min),
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted: (items, weights) => {
      let total = 0;
      for (const w of weights) total += w;
      let r = next() * total;
      for (let i = 0; i < items.length; i++) {
        r -= weights[i] ?? 0;
        if (r < 0) return items[i] as (typeof items)[number];
      }
      if (items.length === 0) throw new Error('weighted pick from an empty list');
      return items[items.length - 1] as (typeof items)[number];
    },
    normal: (mean, sd) => mean + (next() + next() + next() + next() - 2) * sd * Math.sqrt(3),
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j] as (typeof out)[number], out[i] as (typeof out)[number]];
      }
      return out;
    },
    fork: (label) => createRandom((uint32() ^ Math.imul(label + 1, 0x9e3779b1)) >>> 0),
  };
  return random;
}

const hex = (value: number, digits: number) =>
  (value >>> 0)
    .toString(16)
    .padStart(8, '0')
    .slice(8 - digits);

/**
 * UUIDv7-shaped ids: the 48-bit millisecond prefix comes from the record's own instant, so ids
 * sort roughly by time as real ones would; the 74 random bits come from the seeded stream.
 */
export function createIdFactory(random: Random): (at: string | number) => string {
  return (at) => {
    const ms = typeof at === 'number' ? at : Date.parse(at);
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`Cannot derive an id from instant '${at}'`);
    const time = Math.floor(ms).toString(16).padStart(12, '0');
    const r1 = random.uint32();
    const r2 = random.uint32();
    const r3 = random.uint32();
    const variant = (8 | (r1 >>> 30)).toString(16);
    return (
      `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hex(r1, 3)}-${variant}${hex(r1 >>> 12, 3)}-` +
      `${hex(r2, 8)}${hex(r3, 4)}`
    );
  };
}
