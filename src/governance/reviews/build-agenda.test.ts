import { describe, expect, it } from 'vitest';
import { agendaItemKind, buildAgenda, reorderAgenda, type AgendaCandidate } from './build-agenda.js';
import type { Tension } from '../../model/index.js';

function candidate(number: number, total: number, detector?: string): AgendaCandidate {
  const tension = {
    id: `T-${number}`,
    number,
    title: `t${number}`,
    type: 'boundary',
    cells: ['a'],
    severity: 'medium',
    state: 'open',
    raisedAt: `2026-01-0${number}T00:00:00.000Z`,
    ...(detector ? { detector } : {}),
  } as Tension;
  return {
    tension,
    score: { total: 0, max: 25, share: 0, parts: [], explanation: '', unrated: [] },
    priority: {
      total,
      parts: { score: 0, severity: 0, age: 0, lateness: 0 },
      ageDays: 0,
      latenessDays: 0,
      explanation: '',
    },
    route: { routed: false, tensionType: 'boundary', reason: '' },
    evidence: {
      evidence: [],
      occurrences: 1,
      observedAt: tension.raisedAt,
      raisedAt: tension.raisedAt,
      raisedBy: 'x',
      comments: 0,
      notes: [],
      agreements: [],
      decisions: [],
    },
  };
}

describe('the agenda', () => {
  it('ranks by priority', () => {
    expect(buildAgenda([candidate(1, 10), candidate(2, 50), candidate(3, 30)]).map((i) => i.tensionId)).toEqual([
      'T-2',
      'T-3',
      'T-1',
    ]);
  });

  it("keeps the facilitator's order when refreshed, and adds new items after by priority", () => {
    const first = reorderAgenda(buildAgenda([candidate(1, 10), candidate(2, 50)]), ['T-1']);
    expect(first.map((i) => i.tensionId)).toEqual(['T-1', 'T-2']);
    const refreshed = buildAgenda([candidate(1, 10), candidate(2, 50), candidate(3, 90)], {
      agenda: first,
      reordered: true,
    });
    expect(refreshed.map((i) => i.tensionId)).toEqual(['T-1', 'T-2', 'T-3']);
  });

  it('says why an item is there', () => {
    expect(agendaItemKind({ detector: 'agreement-review' })).toBe('agreement');
    expect(agendaItemKind({ detector: 'experiment-review' })).toBe('experiment');
    expect(agendaItemKind({})).toBe('tension');
  });
});
