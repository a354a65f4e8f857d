import { callRoute } from '../../../../src/client/isomorphic.js';
import { INSIGHT_ROUTES } from '../../../../src/model/http/index.js';
import type { Api } from '../../api/api.js';
import type { Capabilities } from '../../api/capabilities.js';
import type { AgreementHealth, HealthStatus } from './org-graph.js';

interface SloRow {
  agreement?: string;
  name?: string;
  status?: string;
  /** Insights' word for the status: met, breached, insufficient-data, no-data. */
  state?: string;
  compliance?: number | null;
  objective?: number;
  slos?: { compliance?: number | null; objective?: number; status?: string; state?: string }[];
}

/** Turns the server's SLO rows into one health per agreement (the worst of its SLOs). */
export function healthFromRows(rows: readonly SloRow[]): Map<string, AgreementHealth> {
  const result = new Map<string, AgreementHealth>();
  for (const row of rows) {
    const agreement = row.agreement ?? row.name;
    if (!agreement) continue;
    const parts = row.slos && row.slos.length > 0 ? row.slos : [row];
    for (const part of parts) {
      const status = statusOf(part.status ?? part.state, part.compliance ?? undefined, part.objective);
      const next: AgreementHealth = {
        agreement,
        status,
        ...(typeof part.compliance === 'number' ? { compliance: part.compliance } : {}),
        ...(typeof part.objective === 'number' ? { objective: part.objective } : {}),
      };
      const previous = result.get(agreement);
      if (!previous || RANK[status] > RANK[previous.status]) result.set(agreement, next);
    }
  }
  return result;
}

const RANK: Record<HealthStatus, number> = { 'no-data': 0, met: 1, 'at-risk': 2, breached: 3 };

function statusOf(
  status: string | undefined,
  compliance: number | undefined,
  objective: number | undefined,
): HealthStatus {
  switch (status) {
    case 'met':
    case 'ok':
    case 'healthy':
      return 'met';
    case 'at-risk':
    case 'at_risk':
    case 'warning':
      return 'at-risk';
    case 'breached':
    case 'breach':
    case 'violated':
      return 'breached';
    case 'no-data':
    case 'no_data':
    case 'insufficient-data':
    case 'unknown':
      return 'no-data';
  }
  if (compliance === undefined || objective === undefined) return 'no-data';
  if (compliance < objective) return 'breached';
  return compliance < objective + (1 - objective) / 2 ? 'at-risk' : 'met';
}

/** SLO health per agreement, or `undefined` when this server does not compute it. */
export async function loadAgreementHealth(
  api: Api,
  capabilities: Capabilities,
  signal?: AbortSignal,
): Promise<Map<string, AgreementHealth> | undefined> {
  if (!capabilities.has(INSIGHT_ROUTES.slos)) return undefined;
  return healthFromRows((await callRoute(api, INSIGHT_ROUTES.slos, {}, signal ? { signal } : {})).slos);
}
