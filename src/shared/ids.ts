import { v7 } from 'uuid';

/** A time-ordered unique id (UUIDv7): sorts by creation time, safe as a primary key. */
export function newId(): string {
  return v7();
}
