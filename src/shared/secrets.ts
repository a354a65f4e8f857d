import { randomBytes } from 'node:crypto';

/** A random secret of `bytes` bytes, base64url: tokens and webhook secrets. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
