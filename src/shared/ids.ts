import { randomBytes } from 'node:crypto';
import { v7 } from 'uuid';

/** A time-ordered unique id (UUIDv7): sorts by creation time, safe as a primary key. */
export function newId(): string {
  return v7();
}

/** A random secret of `bytes` bytes, base64url: tokens and webhook secrets. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
