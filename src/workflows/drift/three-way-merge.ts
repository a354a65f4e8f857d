import type { MergeConflict, Step } from '../../model/index.js';
import { sameStep } from './step-diff.js';

export type { MergeConflict } from '../../model/index.js';

export interface MergeResult {
  steps: Step[];
  conflicts: MergeConflict[];
}

/**
 * Three-way merge of step lists, step by step (keyed by id): base = the template version the workflow
 * adapts, theirs = the newest template version, ours = the workflow's resolved steps. A change on one side
 * wins; the same change on both sides is taken once; different changes conflict. A conflict keeps ours when
 * theirs lets the cell adapt that step, and theirs when the newest version makes it fixed.
 */
export function mergeSteps(base: readonly Step[], ours: readonly Step[], theirs: readonly Step[]): MergeResult {
  const b = new Map(base.map((s) => [s.id, s]));
  const o = new Map(ours.map((s) => [s.id, s]));
  const t = new Map(theirs.map((s) => [s.id, s]));
  const chosen = new Map<string, Step | undefined>();
  const conflicts: MergeConflict[] = [];
  for (const id of new Set([...b.keys(), ...o.keys(), ...t.keys()])) {
    const [bs, os, ts] = [b.get(id), o.get(id), t.get(id)];
    if (sameStep(os, bs)) chosen.set(id, ts);
    else if (sameStep(ts, bs) || sameStep(os, ts)) {
      if (ts?.mode === 'fixed' && !sameStep(os, ts)) {
        conflicts.push({
          step: id,
          reason: `the newest version keeps step "${id}" fixed, so the workflow's change cannot stay`,
          ...sides(bs, os, ts),
          took: 'theirs',
        });
        chosen.set(id, ts);
      } else chosen.set(id, os);
    } else {
      const fixed = ts?.mode === 'fixed';
      const reason = fixed
        ? `the newest version makes step "${id}" fixed, so the workflow's change cannot stay`
        : describe(id, bs, os, ts);
      conflicts.push({ step: id, reason, ...sides(bs, os, ts), took: fixed || !os ? 'theirs' : 'ours' });
      chosen.set(id, fixed ? ts : (os ?? ts));
    }
  }
  return { steps: order(ours, theirs, chosen), conflicts };
}

function sides(base: Step | undefined, ours: Step | undefined, theirs: Step | undefined) {
  return { ...(base ? { base } : {}), ...(ours ? { ours } : {}), ...(theirs ? { theirs } : {}) };
}

function describe(id: string, base: Step | undefined, ours: Step | undefined, theirs: Step | undefined): string {
  if (!base) return `both the workflow and the newest version add a step "${id}", differently`;
  if (!ours) return `the workflow removes step "${id}", which the newest version changes`;
  if (!theirs) return `the newest version removes step "${id}", which the workflow changes`;
  return `the workflow and the newest version both change step "${id}", differently`;
}

/** Theirs' order for the steps it has; each step only ours has goes right after the step it follows in ours. */
function order(ours: readonly Step[], theirs: readonly Step[], chosen: ReadonlyMap<string, Step | undefined>): Step[] {
  const ids = theirs.map((s) => s.id).filter((id) => chosen.get(id));
  ours.forEach((step, i) => {
    if (ids.includes(step.id) || !chosen.get(step.id)) return;
    const previous = ours
      .slice(0, i)
      .reverse()
      .find((s) => ids.includes(s.id));
    ids.splice(previous ? ids.indexOf(previous.id) + 1 : 0, 0, step.id);
  });
  return ids.map((id) => chosen.get(id)!);
}
