import type { Reporter, TestModule } from 'vitest/node';

/** After the summary, lists every suite that skipped itself and why (`context.skip(reason)` in `describeWith`). */
export default class SkipReasonsReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const lines: string[] = [];
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state === 'skipped' && result.note) lines.push(`  ${module.relativeModuleId}: ${result.note}`);
      }
    }
    if (lines.length > 0) process.stdout.write(`\nSkipped, and why:\n${lines.join('\n')}\n`);
  }
}
