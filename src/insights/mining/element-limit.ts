/**
 * The longest single value a log file may hold (an XML element with its attributes, a CSV field): real logs stay
 * far below it, and past it the reader refuses the file instead of growing a string until the process runs out of
 * memory (a gzip of a few megabytes can hold a gigabyte-long attribute).
 */
export const MAX_ELEMENT_CHARS = 16 * 1024 * 1024;

/**
 * Tracks the longest run of text between two occurrences of `boundary` across the chunks of a stream, without
 * copying anything: two `indexOf` calls per chunk. Chunks are shorter than the limit, so only a run that spans
 * chunks can pass it.
 */
export class RunLength {
  private run = 0;

  constructor(private readonly boundary: string) {}

  /** Counts `chunk`; true when a run of text without the boundary got longer than {@link MAX_ELEMENT_CHARS}. */
  exceeded(chunk: string): boolean {
    const first = chunk.indexOf(this.boundary);
    if (first === -1) {
      this.run += chunk.length;
      return this.run > MAX_ELEMENT_CHARS;
    }
    if (this.run + first > MAX_ELEMENT_CHARS) return true;
    this.run = chunk.length - 1 - chunk.lastIndexOf(this.boundary);
    return this.run > MAX_ELEMENT_CHARS;
  }
}
