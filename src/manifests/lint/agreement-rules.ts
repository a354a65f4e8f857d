import { parseDuration } from '../../shared/index.js';
import type { Finding } from '../finding.js';
import { findingAt, type LintRule } from './lint-rule.js';

const DAY_MS = 86_400_000;

export const agreementExitCriteria: LintRule = {
  id: 'agreement-exit-criteria',
  severity: 'warning',
  description: 'Every agreement says when it ends or is renegotiated (exit criteria).',
  check(model) {
    return model.agreements
      .filter((a) => (a.spec.exitCriteria ?? []).length === 0)
      .map((a) =>
        findingAt(
          model,
          this,
          a,
          ['spec', ...(a.spec.exitCriteria ? ['exitCriteria'] : [])],
          `Agreement "${a.metadata.name}" has no exit criteria, so nobody knows when it ends or must be renegotiated.`,
          'add exitCriteria: a list of conditions, e.g. "the consumer can run the check without help"',
          { target: 'key' },
        ),
      );
  },
};

export const agreementSlo: LintRule = {
  id: 'agreement-slo',
  severity: 'warning',
  description: 'Every agreement has at least one SLO, and its SLOs count event types that some cell offers.',
  check(model) {
    const out: Finding[] = [];
    for (const a of model.agreements) {
      const slos = a.spec.slos ?? [];
      if (slos.length === 0) {
        out.push(
          findingAt(
            model,
            this,
            a,
            ['spec', ...(a.spec.slos ? ['slos'] : [])],
            `Agreement "${a.metadata.name}" has no SLO, so its health cannot be measured.`,
            'add slos: e.g. objective 0.95 of <x.requested> answered by <x.decided> within 4h over 28d',
            { target: 'key' },
          ),
        );
      }
      slos.forEach((slo, i) => {
        for (const field of ['request', 'response'] as const) {
          if (model.eventOfferings(slo[field]).length > 0) continue;
          out.push(
            findingAt(
              model,
              this,
              a,
              ['spec', 'slos', i, field],
              `SLO "${slo.name}" counts ${slo[field]}, which no cell offers, so it can never be measured.`,
              'use an event type from an event offer, or offer this type',
            ),
          );
        }
      });
    }
    return out;
  },
};

export const collaborationDuration: LintRule = {
  id: 'collaboration-duration',
  severity: 'warning',
  description: 'A collaboration agreement has a start (since) and a duration, and has not run past it.',
  check(model, { now }) {
    const out: Finding[] = [];
    for (const a of model.agreements) {
      if (a.spec.mode !== 'collaboration') continue;
      const { since, duration } = a.spec;
      if (!duration) {
        out.push(
          findingAt(
            model,
            this,
            a,
            ['spec', 'mode'],
            `Collaboration "${a.metadata.name}" has no duration; collaboration is meant to be temporary.`,
            'add duration: (e.g. 6w) and since: (the start date)',
          ),
        );
        continue;
      }
      if (!since) {
        out.push(
          findingAt(
            model,
            this,
            a,
            ['spec', 'duration'],
            `Collaboration "${a.metadata.name}" has a duration but no start date, so its end is unknown.`,
            'add since: YYYY-MM-DD',
          ),
        );
        continue;
      }
      const end = Date.parse(`${since}T00:00:00Z`) + parseDuration(duration);
      if (Number.isFinite(end) && end < now.getTime()) {
        const endDate = new Date(end).toISOString().slice(0, 10);
        const daysAgo = Math.floor((now.getTime() - end) / DAY_MS);
        out.push(
          findingAt(
            model,
            this,
            a,
            ['spec', 'since'],
            `Collaboration "${a.metadata.name}" ended on ${endDate} (${since} + ${duration}), ${daysAgo} day${daysAgo === 1 ? '' : 's'} ago.`,
            'review it: move to x-as-a-service or facilitating, extend the duration with a new since, or end the agreement',
          ),
        );
      }
    }
    return out;
  },
};
