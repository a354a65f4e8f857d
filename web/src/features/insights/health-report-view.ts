export type HealthStatus = 'healthy' | 'watch' | 'act';

export interface WeekHealth {
  weekStart: string;
  tensionsRaised: number;
  priorityTensions: number;
  lateEscalations: number;
  reviewsClosed: number;
  reviewsWithoutDecision: number;
  awaitingAtEnd: number;
  agingAtEnd: number;
  cases: number;
  reworkShare: number | null;
}

interface Area {
  status: HealthStatus;
  signals: string[];
}

/** `GET /v1/insights/health` (`cello.health/1`): teams, boundaries and conflicts, with a weekly trend. */
export interface HealthReportView {
  generatedAt: string;
  from: string;
  status: HealthStatus;
  teams: Area & {
    rework: { cases: number; share: number | null };
    reviews: { closed: number; withoutDecision: number };
  };
  boundaries: Area & { unownedDomains: string[]; consumersWithoutAgreements: { manifest: string; message: string }[] };
  conflicts: Area & {
    awaiting: number;
    aging: { tension: string; title: string; ageMs: number }[];
    medianSurfaceMs: number | null;
  };
  trend: WeekHealth[];
}
