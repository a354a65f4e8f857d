import { InputError } from '../../shared/index.js';

/**
 * Counts traces, events or rows that lack a field mining needs, keeping where the first one was,
 * so a reader can refuse a log once with everything that is missing instead of failing on the first gap.
 */
export class MissingFieldTally {
  private readonly gaps = new Map<string, { count: number; line: number }>();

  /** Notes one gap: `what` reads like "events without a timestamp (event attribute "time:timestamp")". */
  note(what: string, line: number): void {
    const gap = this.gaps.get(what);
    if (gap) gap.count++;
    else this.gaps.set(what, { count: 1, line });
  }

  get empty(): boolean {
    return this.gaps.size === 0;
  }

  /** Throws one InputError naming every gap, its count and its first line. */
  throwIfAny(file: string): void {
    if (this.gaps.size === 0) return;
    const parts = [...this.gaps].map(([what, { count, line }]) => `${what}: ${count} (the first at line ${line})`);
    const [first] = this.gaps.values();
    throw new InputError(
      `Cannot mine ${file}: ${parts.join('; ')}. Every event needs a case id, an activity and a timestamp; ` +
        'add the missing ones to the log, or name the attributes or columns that hold them with --case, --activity and --timestamp.',
      { file, line: first?.line, missing: [...this.gaps.keys()] },
    );
  }
}
