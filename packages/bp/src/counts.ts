/**
 * Distribution of the number of +1 terms among independent ±1 terms with P(+1) = plus[k], k < length, leaving out
 * term `skip` (−1: none). Written into `out` (length ≥ length + 1), which is returned.
 */
export function countDistribution(plus: Float64Array, length: number, skip: number, out: Float64Array): Float64Array {
  out.fill(0);
  out[0] = 1;
  let size = 0;
  for (let k = 0; k < length; k++) {
    if (k === skip) continue;
    const q = plus[k]!;
    for (let c = size + 1; c >= 1; c--) out[c] = out[c]! * (1 - q) + out[c - 1]! * q;
    out[0] = out[0]! * (1 - q);
    size++;
  }
  return out;
}
