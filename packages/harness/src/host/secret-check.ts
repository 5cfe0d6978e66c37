// A result set made with DENSEBENCH_SECRET (keyed instances, instances/README.md) can only be resumed, re-run or
// analysed with the same secret; one made without can only be continued without. Records and manifests carry the
// secret's public identifier (secretId), never the secret.
import { readSecret, secretId } from '@densebench/problems';

/**
 * The secret to regenerate the instances of something made with `recordedId` (a secretId, or null for public
 * instances): the current DENSEBENCH_SECRET when it matches. Throws, saying what to do, when it does not.
 */
export function secretMatching(recordedId: string | null, where: string, env: Readonly<Record<string, string | undefined>> = process.env): string | null {
  const secret = readSecret(env);
  const current = secret === null ? null : secretId(secret);
  if (recordedId === current) return secret;
  if (recordedId === null) throw new Error(`${where} was made without a secret (public instances), but DENSEBENCH_SECRET is set: unset it to continue this result set`);
  if (current === null) throw new Error(`${where} was made with a secret (id ${recordedId}): set DENSEBENCH_SECRET to that secret`);
  throw new Error(`${where} was made with another secret (id ${recordedId}; DENSEBENCH_SECRET has id ${current})`);
}
