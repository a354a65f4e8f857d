/** Up to this many strings, comparing with each beats hashing the (usually fresh, unhashed) string. */
const SCAN_LIMIT = 8;
const INITIAL_SLOTS = 64;

/**
 * Maps each distinct string to a dense index, in order of first appearance. A million lookups of fresh strings
 * (one per row read) make this a hot path: a small set is scanned, a larger one goes through an open-addressing
 * table of `Int32Array` slots (measured about twice as fast as a `Map` on strings V8 has not hashed yet).
 */
export class StringInterner {
  /** The strings, by index. */
  readonly values: string[] = [];
  /** Pairs (index + 1, hash) per slot; 0 marks an empty slot. Kept at most half full. */
  private slots = new Int32Array(2 * INITIAL_SLOTS);
  private readonly hashes: number[] = [];
  private readonly seed = (Math.random() * 0x40000000) | 0;

  /** The index of `value`, adding it when new. */
  intern(value: string): number {
    const values = this.values;
    if (values.length <= SCAN_LIMIT) {
      for (let i = 0; i < values.length; i++) if (values[i] === value) return i;
      return this.add(value, this.hash(value));
    }
    const hash = this.hash(value);
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[2 * slot]!;
      if (entry === 0) return this.add(value, hash);
      if (slots[2 * slot + 1] === hash && values[entry - 1] === value) return entry - 1;
    }
  }

  get size(): number {
    return this.values.length;
  }

  /** FNV-1a over the UTF-16 code units from a random start, folded so the high bits reach the slot number; 30 bits keep it a small integer. */
  private hash(value: string): number {
    let hash = this.seed;
    for (let i = 0; i < value.length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193);
    return (hash ^ (hash >>> 16)) & 0x3fffffff;
  }

  private add(value: string, hash: number): number {
    const index = this.values.length;
    this.values.push(value);
    this.hashes.push(hash);
    if (2 * this.values.length > this.slots.length >> 1) this.rehash();
    else this.place(index, hash);
    return index;
  }

  private place(index: number, hash: number): void {
    const mask = (this.slots.length >> 1) - 1;
    let slot = hash & mask;
    while (this.slots[2 * slot] !== 0) slot = (slot + 1) & mask;
    this.slots[2 * slot] = index + 1;
    this.slots[2 * slot + 1] = hash;
  }

  /** Doubles the table and places every string again. */
  private rehash(): void {
    this.slots = new Int32Array(2 * this.slots.length);
    for (let i = 0; i < this.hashes.length; i++) this.place(i, this.hashes[i]!);
  }
}
