// Cavity fields of the BP messages, clamped so that saturated messages stay finite.

/** Fields are clamped to ±FIELD_MAX (as the authors' tanh format does): tanh(30) is 1 in double precision. */
export const FIELD_MAX = 30;

export function clampField(h: number): number {
  return h > FIELD_MAX ? FIELD_MAX : h < -FIELD_MAX ? -FIELD_MAX : h;
}

/** atanh with its argument kept inside (−1, 1), so that saturated magnetizations give ±FIELD_MAX. */
export function atanhClamped(m: number): number {
  return clampField(Math.atanh(m));
}
