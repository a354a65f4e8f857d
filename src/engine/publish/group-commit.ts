/**
 * Group commit: concurrent submissions that arrive while a flush is running share the next flush
 * (one transaction, one fsync). A submission is never split across flushes, and each submitter gets
 * exactly its own results back, in order. A flush that fails is retried one submission at a time, so
 * a submission that cannot be written fails alone and never takes its neighbours' requests with it.
 */
export class GroupCommit<In, Out> {
  private queue: { items: In[]; resolve: (out: Out[]) => void; reject: (error: unknown) => void }[] = [];
  private flushing = false;
  private scheduled = false;

  constructor(
    private readonly flush: (items: In[]) => Promise<Out[]>,
    private readonly maxBatch = 2_000,
  ) {}

  submit(items: In[]): Promise<Out[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ items, resolve, reject });
      this.schedule();
    });
  }

  /** Pending submissions, for `/metrics`. */
  get depth(): number {
    return this.queue.length;
  }

  private schedule(): void {
    if (this.flushing || this.scheduled) return;
    this.scheduled = true;
    // Yield once so requests parsed in the same tick join this flush.
    setImmediate(() => {
      this.scheduled = false;
      void this.run();
    });
  }

  private async run(): Promise<void> {
    if (this.flushing || this.queue.length === 0) return;
    this.flushing = true;
    const group: typeof this.queue = [];
    let size = 0;
    while (this.queue.length > 0 && (group.length === 0 || size + this.queue[0]!.items.length <= this.maxBatch)) {
      const next = this.queue.shift()!;
      group.push(next);
      size += next.items.length;
    }
    try {
      const results = await this.flush(group.flatMap((g) => g.items));
      let offset = 0;
      for (const g of group) {
        g.resolve(results.slice(offset, offset + g.items.length));
        offset += g.items.length;
      }
    } catch (error) {
      if (group.length === 1) group[0]!.reject(error);
      else for (const g of group) await this.flush(g.items).then(g.resolve, g.reject);
    } finally {
      this.flushing = false;
      if (this.queue.length > 0) this.schedule();
    }
  }
}
