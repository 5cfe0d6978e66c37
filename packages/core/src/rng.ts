// Seeded PRNG: xoshiro128** (Blackman & Vigna, "Scrambled linear pseudorandom number generators",
// ACM TOMS 47, 2021), seeded from the SHA-256 of a text seed. Both are easy to re-implement in any
// language; instances/README.md documents the exact derivation and sampling order.
import { createHash } from 'node:crypto';

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

/** Four 32-bit state words from the first 16 bytes of SHA-256(seedText), little-endian. */
export function stateFromSeedText(seedText: string): Uint32Array {
  const digest = createHash('sha256').update(seedText, 'utf8').digest();
  const state = new Uint32Array(4);
  for (let w = 0; w < 4; w++) state[w] = digest.readUInt32LE(4 * w);
  if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 1; // xoshiro forbids the all-zero state
  return state;
}

/** Deterministic random source used by generators and handed to solvers as `ctx.rng`. */
export class Rng {
  // The four state words in an Int32Array: V8 keeps object fields holding values ≥ 2^30 as boxed doubles, which made
  // every draw several times slower; typed-array elements are raw 32-bit words (same outputs).
  private readonly s = new Int32Array(4);
  // nextInt's last bound and its rejection limit; NaN equals no bound, so the first call always checks its argument.
  private bound = Number.NaN;
  private limit = 0;

  constructor(seed: string | Uint32Array) {
    const state = typeof seed === 'string' ? stateFromSeedText(seed) : seed;
    for (let w = 0; w < 4; w++) this.s[w] = state[w]!;
  }

  /** Copies the four state words into `out` (e.g. a WebAssembly kernel's memory, which continues the stream there). */
  saveState(out: Int32Array): void {
    out.set(this.s);
  }

  /** Continues from state words saved with saveState and advanced elsewhere by the same generator. */
  restoreState(from: Int32Array): void {
    this.s.set(from.subarray(0, 4));
  }

  /** Next 32-bit output, as an unsigned integer in [0, 2^32). */
  nextUint32(): number {
    const s = this.s;
    const s0 = s[0]!, s1 = s[1]!, s2 = s[2]!, s3 = s[3]!;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    const n2 = s2 ^ s0;
    const n3 = s3 ^ s1;
    s[0] = s0 ^ n3;
    s[1] = s1 ^ n2;
    s[2] = n2 ^ t;
    s[3] = rotl(n3, 11);
    return result;
  }

  /** Uniform double in [0, 1) with 53 random bits (two outputs: 27 high bits, then 26). */
  nextFloat(): number {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * 67108864 + lo) / TWO_POW_53;
  }

  /** Uniform integer in [0, n), unbiased by rejection: redraw while x ≥ 2^32 − (2^32 mod n). */
  nextInt(n: number): number {
    // Hot loops draw from one bound again and again (a sweep's N): keep its check and rejection limit. The
    // remainder is taken as x − ⌊x/n⌋·n: x ≥ 2^31 is no int32, so `x % n` would be a slow floating-point modulo,
    // and ⌊x/n⌋ is exact in double precision for x < 2^32 (the rounding error of x/n is below 1/n).
    if (n !== this.bound) {
      if (!(n >= 1 && n <= TWO_POW_32 && Number.isInteger(n))) throw new RangeError(`nextInt: bad bound ${n}`);
      this.bound = n;
      // 2^32 mod n with int32 arithmetic when n ≤ 2^31 (a search that draws from a changing bound, e.g. FMS over its
      // unsatisfied clauses, pays this on most draws; a floating-point modulo is several times slower).
      const rest = n <= 2147483648 ? (2 * ((0x7fffffff % n) + 1)) % n : TWO_POW_32 % n;
      this.limit = TWO_POW_32 - rest;
    }
    const limit = this.limit;
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return x - Math.floor(x / n) * n;
  }

  /** ±1 from the top bit of one output: 1 → +1, 0 → −1. */
  nextSign(): 1 | -1 {
    return this.nextUint32() >>> 31 === 1 ? 1 : -1;
  }

  /** Standard normal deviate (Box–Muller on two nextFloat draws). */
  nextGaussian(): number {
    let u = this.nextFloat();
    while (u === 0) u = this.nextFloat();
    const v = this.nextFloat();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /**
   * Shuffles values[0..length) in place, uniformly (Fisher–Yates: for j from length − 1 down to 1, swap j with
   * nextInt(j + 1)).
   */
  shuffle(values: Int32Array, length = values.length): Int32Array {
    for (let j = length - 1; j > 0; j--) {
      const k = this.nextInt(j + 1);
      const t = values[j]!;
      values[j] = values[k]!;
      values[k] = t;
    }
    return values;
  }

  /**
   * Fills `out` with standard normal deviates, two per Box–Muller pair (cos then sin), so it costs half of
   * `out.length` calls to nextGaussian. Its stream differs from repeated nextGaussian calls.
   */
  fillGaussian(out: Float64Array): Float64Array {
    const n = out.length;
    for (let i = 0; i < n; i += 2) {
      let u = this.nextFloat();
      while (u === 0) u = this.nextFloat();
      const radius = Math.sqrt(-2 * Math.log(u));
      const angle = 2 * Math.PI * this.nextFloat();
      out[i] = radius * Math.cos(angle);
      if (i + 1 < n) out[i + 1] = radius * Math.sin(angle);
    }
    return out;
  }

  /** An independent generator for a named sub-stream: seeded from SHA-256 of this one's next outputs and the label. */
  fork(label: string): Rng {
    const words = [this.nextUint32(), this.nextUint32(), this.nextUint32(), this.nextUint32()];
    return new Rng(`${words.join('.')}/${label}`);
  }
}

/** 32-bit left rotation, as a signed int32 (callers that need it unsigned apply >>> 0). */
function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
