import type { ManifestOf } from '../../model/index.js';
import { errorMessage, type Logger } from '../../shared/index.js';
import type { EventLog } from '../../store/index.js';
import type { TensionSink } from '../ports/tension-sink.js';
import { breachTension, sloSubject } from './breach-tension.js';
import { evaluateSlos } from './evaluate-slos.js';
import type { SloStatus } from './slo-status.js';

export interface SloMonitorDeps {
  events: Pick<EventLog, 'scanColumns'>;
  agreements(): readonly ManifestOf<'Agreement'>[];
  now(): Date;
  /** The organization's tension type for interface gaps. */
  tensionType(): string;
  tensions?: TensionSink;
  logger: Logger;
  minRequests: number;
}

/**
 * Measures SLOs on demand and, on `check`, raises a tension when an SLO enters breach. A breach that persists
 * raises nothing more (the tension is open); one that recovers and breaches again raises again, which governance
 * counts as an occurrence or a reopening of the same tension (one per agreement and SLO).
 */
export function createSloMonitor(deps: SloMonitorDeps) {
  const raised = new Map<string, string>();
  const annotate = (statuses: SloStatus[]) =>
    statuses.map((s) => (raised.has(sloSubject(s)) ? { ...s, tension: raised.get(sloSubject(s))! } : s));
  const measure = () => evaluateSlos(deps.events, deps.agreements(), deps.now(), { minRequests: deps.minRequests });

  return {
    /** Every SLO's compliance now; raises nothing. */
    async status(): Promise<SloStatus[]> {
      return annotate(await measure());
    },

    /** Measures, raises a tension for each SLO that entered breach, forgets those that recovered. */
    async check(): Promise<SloStatus[]> {
      const statuses = await measure();
      for (const status of statuses) {
        const subject = sloSubject(status);
        if (status.state !== 'breached') {
          raised.delete(subject);
          continue;
        }
        if (raised.has(subject) || !deps.tensions) continue;
        try {
          const result = await deps.tensions.raiseDetected(breachTension(status, deps.tensionType()));
          raised.set(subject, result.tension.id);
        } catch (error) {
          deps.logger.error({ err: error, subject }, `raising the SLO breach tension failed: ${errorMessage(error)}`);
        }
      }
      return annotate(statuses);
    },
  };
}

export type SloMonitor = ReturnType<typeof createSloMonitor>;
