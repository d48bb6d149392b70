/**
 * A small seeded random source for the demo data: the same seed gives the same data set on every
 * machine and Node version (Math.random cannot be seeded).
 */

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128-bit state, passes PractRand. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 spreads a small integer seed over the four state words.
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** A uniform 32-bit unsigned integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform number in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** A uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  /** One key by weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let u = this.next() * total;
    for (const [key, w] of entries) {
      u -= w;
      if (u < 0) return key;
    }
    const last = entries[entries.length - 1];
    if (last === undefined) throw new RangeError('weighted pick from no weights');
    return last[0];
  }

  /** `n` lower-case hex digits. */
  hex(n: number): string {
    let out = '';
    while (out.length < n) out += this.uint32().toString(16).padStart(8, '0');
    return out.slice(0, n);
  }

  /** Shuffles in place (Fisher–Yates). */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }
}

/**
 * Stratified sampling: deals keys from shuffled blocks whose counts follow the weights, so every
 * block of `blockSize` draws matches the target shares up to rounding. Independent draws would let
 * a 2,000-case demo wander a few points off the reference statistics; a deck cannot.
 */
export class Deck<K extends string> {
  private readonly block: K[];
  private hand: K[] = [];

  constructor(
    private readonly random: Random,
    weights: Readonly<Record<K, number>>,
    blockSize = 200,
  ) {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    // Largest-remainder rounding: the block has exactly blockSize cards.
    const exact = entries.map(([key, w]) => ({ key, n: (w / total) * blockSize }));
    const counts = exact.map((e) => ({ key: e.key, n: Math.floor(e.n), rest: e.n - Math.floor(e.n) }));
    let missing = blockSize - counts.reduce((sum, c) => sum + c.n, 0);
    for (const c of [...counts].sort((x, y) => y.rest - x.rest)) {
      if (missing <= 0) break;
      c.n += 1;
      missing -= 1;
    }
    this.block = counts.flatMap((c) => Array.from({ length: c.n }, () => c.key));
  }

  draw(): K {
    if (this.hand.length === 0) this.hand = this.random.shuffle([...this.block]);
    return this.hand.pop() as K;
  }
}
