import { ConflictError } from '../../shared/index.js';
import type { TensionState } from '../../model/index.js';

/**
 * Allowed state changes. `scheduled → open` happens when a review closes without deciding it; `decided → open`,
 * `resolved → open` and `dropped → open` are reopenings; `open|scheduled → resolved` only by a detector whose
 * finding went away (see ARCHITECTURE.md).
 */
export const TENSION_TRANSITIONS: Readonly<Record<TensionState, readonly TensionState[]>> = {
  open: ['scheduled', 'decided', 'dropped', 'resolved'],
  scheduled: ['open', 'decided', 'dropped', 'resolved'],
  decided: ['resolved', 'open'],
  resolved: ['open'],
  dropped: ['open'],
};

/** Whether a tension in `from` may move to `to`. */
export function canTransition(from: TensionState, to: TensionState): boolean {
  return TENSION_TRANSITIONS[from].includes(to);
}

/** Refuses a state change the lifecycle does not allow, naming the ones it does. */
export function assertTransition(id: string, from: TensionState, to: TensionState): void {
  if (canTransition(from, to)) return;
  const allowed = TENSION_TRANSITIONS[from];
  throw new ConflictError(
    `Tension ${id} is ${from} and cannot become ${to}; from ${from} it may become ${allowed.join(', ')}.`,
    { tension: id, from, to, allowed },
  );
}

/** Whether a tension still waits for a decision (it belongs on an agenda). */
export function isAwaitingDecision(state: TensionState): boolean {
  return state === 'open' || state === 'scheduled';
}
