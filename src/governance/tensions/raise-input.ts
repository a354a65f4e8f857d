import { InputError } from '../../shared/index.js';
import { parseEvidence } from './evidence.js';
import {
  SEVERITIES,
  type Evidence,
  type EventData,
  type RaiseInput,
  type Severity,
  type TensionDetected,
} from '../../model/index.js';

export type { RaiseInput } from '../../model/index.js';

/**
 * What a detector sends: what a person sends, plus who detected it and about what (`subject`, the deduplication
 * key), and how often this report saw it. Other components send the same as `TensionDetected` events.
 */
export type DetectedInput = EventData<typeof TensionDetected>;

/** Checked and normalized raise input. */
export interface CheckedRaise {
  title: string;
  description?: string;
  type: string;
  cells: string[];
  severity: Severity;
  observedAt: string;
  evidence: Evidence[];
}

/** Checks a raise against the organization: a known tension type and known cells, a past observedAt. */
export function checkRaise(
  input: Omit<RaiseInput, 'ratings'>,
  context: { now: Date; tensionTypes?: string[]; cells: ReadonlySet<string>; strictType: boolean },
): CheckedRaise {
  const title = (input.title ?? '').trim();
  if (!title || title.length > 200)
    throw new InputError('A tension needs a title of 1 to 200 characters that names the gap.', { field: 'title' });
  const types = context.tensionTypes;
  if (context.strictType && types && !types.includes(input.type)) {
    throw new InputError(
      `"${input.type}" is not one of the organization's tension types (${types.join(', ')}); pick one of them.`,
      { field: 'type', value: input.type },
    );
  }
  const cells = [...new Set((input.cells ?? []).map((c) => c.trim().replace(/^cell:/, '')).filter(Boolean))].sort();
  if (cells.length === 0 && context.strictType)
    throw new InputError('Name the cells involved: --cells a,b (at least one).', { field: 'cells' });
  const unknown = cells.filter((c) => !context.cells.has(c));
  if (unknown.length > 0 && context.strictType) {
    throw new InputError(
      `${unknown.map((c) => `cell:${c}`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in the applied organization (known: ${[...context.cells].sort().join(', ') || 'none'}).`,
      {
        field: 'cells',
        value: unknown,
      },
    );
  }
  const severity = input.severity ?? 'medium';
  if (!SEVERITIES.includes(severity))
    throw new InputError(`Severity "${severity}" is not one of ${SEVERITIES.join(', ')}.`, { field: 'severity' });
  const observed = input.observedAt ? Date.parse(input.observedAt) : context.now.getTime();
  if (Number.isNaN(observed))
    throw new InputError(
      `observedAt "${input.observedAt}" is not a date and time; write it as RFC 3339, e.g. 2026-01-05T09:00:00Z.`,
      { field: 'observedAt' },
    );
  if (observed > context.now.getTime())
    throw new InputError(`observedAt ${input.observedAt} is in the future; give the time the gap was first seen.`, {
      field: 'observedAt',
    });
  return {
    title,
    ...(input.description?.trim() ? { description: input.description.trim() } : {}),
    type: input.type,
    cells,
    severity,
    observedAt: new Date(observed).toISOString(),
    evidence: (input.evidence ?? []).map(parseEvidence),
  };
}
