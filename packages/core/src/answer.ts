// A ±1 answer stored in a run record: one bit per variable (bit i of byte i >> 3 set when x_i = +1), base64. At
// N = 1001 that is 168 characters, so every record of a ±1 problem can keep its answer and analyses that need the
// configuration itself (the local entropy around it) run later on the result set.

/** Packs a ±1 assignment into base64. */
export function encodeAnswer(assignment: Int8Array): string {
  const bytes = new Uint8Array((assignment.length + 7) >> 3);
  for (let i = 0; i < assignment.length; i++) if (assignment[i]! > 0) bytes[i >> 3]! |= 1 << (i & 7);
  return Buffer.from(bytes).toString('base64');
}

/** Unpacks an answer written by encodeAnswer for N variables; throws when the text does not hold exactly N bits. */
export function decodeAnswer(text: string, n: number): Int8Array {
  const bytes = Buffer.from(text, 'base64');
  const expected = (n + 7) >> 3;
  if (bytes.length !== expected || Buffer.from(bytes).toString('base64') !== text) {
    throw new Error(`answer "${text.length > 24 ? text.slice(0, 24) + '…' : text}" does not encode ${n} variables (${expected} bytes in base64)`);
  }
  const last = n & 7;
  if (last !== 0 && bytes[expected - 1]! >> last !== 0) throw new Error(`answer has bits set beyond variable ${n}`);
  const assignment = new Int8Array(n);
  for (let i = 0; i < n; i++) assignment[i] = (bytes[i >> 3]! >> (i & 7)) & 1 ? 1 : -1;
  return assignment;
}
