// AssemblyScript: the Metropolis sweep of the binary perceptron (src/metropolis.ts over src/perceptron.ts), compiled to
// WebAssembly (wasm/perceptron-sweep.wasm, `pnpm --filter @densebench/local-search build:wasm`). Same moves, same
// random draws (xoshiro128** as packages/core/src/rng.ts), same exp(−βΔE) values (V8's Math.exp, imported), so a sweep
// here leaves exactly the state the TypeScript sweep would (tested). Linear memory needs no bounds check per read,
// which is where V8 lost most against C on the ΔE loop (docs/performance.md).
@external("env", "exp")
declare function hostExp(x: f64): f64;

// Byte offsets in the host's memory, set by setup(): generator state (4 × u32), exp table (64 × f64), weights (n × i8),
// η column-major (n·p × i8), η sign bits (n·words × u32), stabilities, band, band positions (p × i32 each).
let rngAt: usize = 0;
let tableAt: usize = 0;
let weightsAt: usize = 0;
let etaAt: usize = 0;
let bitsAt: usize = 0;
let stabilityAt: usize = 0;
let bandAt: usize = 0;
let positionAt: usize = 0;
let n: i32 = 0;
let p: i32 = 0;
let words: i32 = 0;
/** Band size and energy after the last sweep (the host passes them in, reads them back). */
export let bandSize: i32 = 0;
export let energy: i32 = 0;

export function setup(rng: usize, table: usize, weights: usize, eta: usize, bits: usize, stabilities: usize, band: usize, positions: usize, n_: i32, p_: i32, words_: i32): void {
  rngAt = rng;
  tableAt = table;
  weightsAt = weights;
  etaAt = eta;
  bitsAt = bits;
  stabilityAt = stabilities;
  bandAt = band;
  positionAt = positions;
  n = n_;
  p = p_;
  words = words_;
}

// The generator's words live in globals during a sweep (loaded from memory at its start, stored at its end).
let s0: u32 = 0;
let s1: u32 = 0;
let s2: u32 = 0;
let s3: u32 = 0;

@inline function nextUint32(): u32 {
  const result = rotl<u32>(s1 * 5, 7) * 9;
  const t = s1 << 9;
  const n2 = s2 ^ s0;
  const n3 = s3 ^ s1;
  s0 = s0 ^ n3;
  s1 = s1 ^ n2;
  s2 = n2 ^ t;
  s3 = rotl<u32>(n3, 11);
  return result;
}

function saveGenerator(): void {
  store<u32>(rngAt, s0);
  store<u32>(rngAt, s1, 4);
  store<u32>(rngAt, s2, 8);
  store<u32>(rngAt, s3, 12);
}

@inline function nextFloat(): f64 {
  const hi = nextUint32() >> 5;
  const lo = nextUint32() >> 6;
  return (<f64>hi * 67108864.0 + <f64>lo) / 9007199254740992.0;
}

/** One sweep of n attempts at β (metropolis.ts); returns the attempts made (fewer if E reached 0). */
export function sweep(beta: f64, bandSizeIn: i32, energyIn: i32): i32 {
  bandSize = bandSizeIn;
  energy = energyIn;
  s0 = load<u32>(rngAt);
  s1 = load<u32>(rngAt, 4);
  s2 = load<u32>(rngAt, 8);
  s3 = load<u32>(rngAt, 12);
  const bound = <u64>n;
  const limit: u64 = <u64>4294967296 - (<u64>4294967296 % bound);
  for (let d = 0; d < 64; d++) store<f64>(tableAt + (<usize>d << 3), NaN);
  for (let attempt = 0; attempt < n; attempt++) {
    let x = <u64>nextUint32();
    while (x >= limit) x = <u64>nextUint32();
    const j = <i32>(x % bound);
    const column = bitsAt + (<usize>(j * words) << 2);
    const twiceW = 2 * <i32>load<i8>(weightsAt + <usize>j);
    let delta = 0;
    for (let b = 0; b < bandSize; b++) {
      const mu = load<i32>(bandAt + (<usize>b << 2));
      const s = load<i32>(stabilityAt + (<usize>mu << 2));
      const bit = <i32>((load<u32>(column + (<usize>(mu >> 5) << 2)) >> (<u32>mu & 31)) & 1);
      const moved = s - twiceW + 2 * twiceW * bit;
      delta += ((s - 1) >> 31) - ((moved - 1) >> 31);
    }
    let accept = delta <= 0;
    if (!accept) {
      let threshold: f64;
      if (delta < 64) {
        const at = tableAt + (<usize>delta << 3);
        threshold = load<f64>(at);
        if (threshold != threshold) {
          threshold = hostExp(-beta * <f64>delta);
          store<f64>(at, threshold);
        }
      } else threshold = hostExp(-beta * <f64>delta);
      accept = nextFloat() < threshold;
    }
    if (accept) {
      const col = etaAt + <usize>(j * p);
      store<i8>(weightsAt + <usize>j, <i8>(-(twiceW >> 1)));
      let size = bandSize;
      for (let mu = 0; mu < p; mu++) {
        const sAt = stabilityAt + (<usize>mu << 2);
        const s = load<i32>(sAt) - twiceW * <i32>load<i8>(col + <usize>mu);
        store<i32>(sAt, s);
        const inBand = s >= -1 && s <= 2;
        const pAt = positionAt + (<usize>mu << 2);
        const position = load<i32>(pAt);
        if (inBand && position < 0) {
          store<i32>(pAt, size);
          store<i32>(bandAt + (<usize>size << 2), mu);
          size++;
        } else if (!inBand && position >= 0) {
          size--;
          const last = load<i32>(bandAt + (<usize>size << 2));
          store<i32>(bandAt + (<usize>position << 2), last);
          store<i32>(positionAt + (<usize>last << 2), position);
          store<i32>(pAt, -1);
        }
      }
      bandSize = size;
      energy += delta;
      if (energy == 0) {
        saveGenerator();
        return attempt + 1;
      }
    }
  }
  saveGenerator();
  return n;
}
