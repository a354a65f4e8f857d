import type { Step, StepChange } from '../../model/index.js';

export type { StepChange } from '../../model/index.js';

/** JSON with object keys sorted, so equal steps compare equal whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

export function sameStep(a: Step | undefined, b: Step | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && canonical(a) === canonical(b));
}

/** Step-level differences from `from` to `to`: added, removed, changed (with fields) and moved steps. */
export function diffSteps(from: readonly Step[], to: readonly Step[]): StepChange[] {
  const before = new Map(from.map((s) => [s.id, s]));
  const after = new Map(to.map((s) => [s.id, s]));
  const out: StepChange[] = [];
  for (const step of to) {
    const old = before.get(step.id);
    if (!old) out.push({ step: step.id, change: 'added' });
    else if (!sameStep(old, step)) out.push({ step: step.id, change: 'changed', fields: changedFields(old, step) });
  }
  for (const step of from) if (!after.has(step.id)) out.push({ step: step.id, change: 'removed' });
  // Order among the steps both keep.
  const keptBefore = from.filter((s) => after.has(s.id)).map((s) => s.id);
  const keptAfter = to.filter((s) => before.has(s.id)).map((s) => s.id);
  keptAfter.forEach((id, i) => {
    if (keptBefore[i] !== id && !out.some((c) => c.step === id)) out.push({ step: id, change: 'moved' });
  });
  return out;
}

function changedFields(a: Step, b: Step): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter(
    (k) => canonical((a as Record<string, unknown>)[k]) !== canonical((b as Record<string, unknown>)[k]),
  );
}
