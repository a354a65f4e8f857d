/** Maps each distinct string to a dense index, in order of first appearance. */
export class StringInterner {
  private readonly indexes = new Map<string, number>();
  /** The strings, by index. */
  readonly values: string[] = [];

  /** The index of `value`, adding it when new. */
  intern(value: string): number {
    let index = this.indexes.get(value);
    if (index === undefined) {
      index = this.values.length;
      this.indexes.set(value, index);
      this.values.push(value);
    }
    return index;
  }

  get size(): number {
    return this.values.length;
  }
}
