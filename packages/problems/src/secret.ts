// Keyed instances (issue #17, instances/README.md "Keyed instances"). The public generator lets anyone regenerate an
// instance from its spec, so a plugin can search small seeds and an α grid until the patterns match and read off the
// hidden teacher. With a secret, every random stream is seeded by HMAC-SHA256(secret, unkeyed seed text) instead of the
// seed text itself: without the secret the stream cannot be reproduced, and HMAC keeps the secret out of the stream.
import { createHash, createHmac } from 'node:crypto';

/** Environment variable holding the secret that keys every generated instance. */
export const SECRET_ENV = 'DENSEBENCH_SECRET';
/** Shortest accepted secret: a plugin that knows the generator could search a shorter one. */
export const MIN_SECRET_LENGTH = 16;

/**
 * The text that seeds a random stream: `text` itself without a secret (null or undefined), otherwise
 * `densebench:v1:keyed:<hex HMAC-SHA256(key = secret, message = text)>` (both UTF-8). `text` is the unkeyed seed text
 * of the stream: `seedText(spec)`, `${seedText(spec)}:test`, `densebench:v1:mnist:split:seed=<seed>`.
 */
export function instanceStreamText(text: string, secret?: string | null): string {
  if (secret === null || secret === undefined) return text;
  const problem = secretProblem(secret);
  if (problem) throw new Error(problem);
  return `densebench:v1:keyed:${createHmac('sha256', secret).update(text, 'utf8').digest('hex')}`;
}

/**
 * The secret in `env` (DENSEBENCH_SECRET), or null when it is unset or empty. Throws when it is shorter than
 * MIN_SECRET_LENGTH characters; the message never repeats the secret.
 */
export function readSecret(env: Readonly<Record<string, string | undefined>> = process.env): string | null {
  const secret = env[SECRET_ENV];
  if (secret === undefined || secret === '') return null;
  const problem = secretProblem(secret);
  if (problem) throw new Error(`${SECRET_ENV}: ${problem}`);
  return secret;
}

/**
 * A public identifier of a secret, safe to write into records and manifests: the first 16 hex characters of
 * SHA-256("densebench:v1:secret-id:" + secret). Two runs with the same secretId used the same secret.
 */
export function secretId(secret: string): string {
  return createHash('sha256').update(`densebench:v1:secret-id:${secret}`, 'utf8').digest('hex').slice(0, 16);
}

function secretProblem(secret: string): string | undefined {
  if (secret.length < MIN_SECRET_LENGTH) {
    // Say the length, never the secret: the message can end up in logs.
    return `the secret is ${secret.length} characters long; it must have at least ${MIN_SECRET_LENGTH}, because a plugin that knows the public generator could search a short secret until the instances match (use e.g. \`openssl rand -hex 32\`)`;
  }
  return undefined;
}
