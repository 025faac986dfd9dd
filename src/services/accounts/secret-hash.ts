import { createHash } from 'node:crypto';

/** Session ids and API tokens are stored as sha256 hashes: a copy of the database does not let anyone log in. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
