import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

function scryptAsync(
  password: string,
  salt: Buffer,
  keyLength: number,
  options: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

const keyLength = 64;

/** `scrypt$log2N$r$p$salt$key` (base64url); the parameters travel with the hash so the cost can be raised later. */
export async function hashPassword(password: string, log2N: number): Promise<string> {
  const salt = randomBytes(16);
  const r = 8;
  const p = 1;
  const key = await scryptAsync(password, salt, keyLength, {
    N: 2 ** log2N,
    r,
    p,
    maxmem: 256 * 2 ** log2N * r,
  });
  return ['scrypt', log2N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Checks a password against a stored hash in constant time; false for malformed hashes. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [log2N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4] as string, 'base64url');
  const expected = Buffer.from(parts[5] as string, 'base64url');
  if (!Number.isInteger(log2N) || log2N < 1 || log2N > 22 || expected.length !== keyLength) return false;
  const key = await scryptAsync(password, salt, keyLength, {
    N: 2 ** log2N,
    r,
    p,
    maxmem: 256 * 2 ** log2N * r,
  });
  return timingSafeEqual(key, expected);
}

/** A random secret as base64url text (session ids, CSRF tokens, API tokens, generated passwords). */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
