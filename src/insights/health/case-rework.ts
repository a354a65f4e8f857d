import type { ColumnarEventLog } from '../mining/index.js';

/** One case, reduced to what the health report needs about rework. */
export interface CaseRework {
  /** Time of its first event (epoch ms). */
  firstMs: number;
  /** Some activity occurs more than once in it. */
  rework: boolean;
  /** Cells that published an event in it. */
  cells: string[];
  /** Cells that published a repeat of an activity in it (the cell that did the work again). */
  reworkCells: string[];
}

/** Per case: when it started, whether an activity repeats, and which cells took part and which repeated work. */
export function caseRework(log: ColumnarEventLog): CaseRework[] {
  const seenIn = new Int32Array(log.activityNames.length).fill(-1);
  const out: CaseRework[] = [];
  for (let c = 0; c < log.caseIds.length; c++) {
    const from = log.caseOffsets[c]!;
    const to = log.caseOffsets[c + 1]!;
    if (from === to) continue;
    const cells = new Set<string>();
    const reworkCells = new Set<string>();
    let rework = false;
    for (let i = from; i < to; i++) {
      const a = log.activity[i]!;
      const r = log.resource[i]!;
      const cell = r >= 0 ? log.resourceNames[r]! : undefined;
      if (cell) cells.add(cell);
      if (seenIn[a] === c) {
        rework = true;
        if (cell) reworkCells.add(cell);
      } else {
        seenIn[a] = c;
      }
    }
    out.push({ firstMs: log.timestamp[from]!, rework, cells: [...cells], reworkCells: [...reworkCells] });
  }
  return out;
}
