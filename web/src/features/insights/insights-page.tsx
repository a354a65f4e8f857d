import { PageHeader } from '../../ui/components/page-header.js';
import { useResource } from '../../api/use-resource.js';
import { UnavailableError } from '../../api/unavailable-error.js';
import type { HealthReportView } from './health-report-view.js';
import { INSIGHT_ENDPOINTS as E } from './insight-endpoints.js';
import { useApp } from '../../shell/app-context.js';
import { GovernanceMetricsCard } from '../review/governance-metrics-card.js';
import { AnomaliesSection } from './anomalies-section.js';
import { HealthReportSection } from './health-report-section.js';
import { ProcessMapSection } from './process-map-section.js';
import { RecommendationsSection } from './recommendations-section.js';
import { SloSection } from './slo-section.js';
import { SloTrendsSection } from './slo-trends-section.js';
import { TrendsSection } from './trends-section.js';

/** What the log shows: the process as it runs, SLOs and their trends, recommendations, anomalies and the health report. */
export function InsightsPage() {
  const { api, capabilities } = useApp();
  const has = (path: string) => capabilities.has('GET', path);
  // The health report feeds two sections (its areas, and its weekly trend): read once.
  const [health, reloadHealth] = useResource(
    async (signal) => {
      if (!has(E.health)) throw new UnavailableError(`GET ${E.health}`);
      return api.get<HealthReportView>(E.health, { weeks: 12 }, { signal });
    },
    [api, capabilities],
  );
  return (
    <section className="page page-wide insights-page">
      <PageHeader
        title="Insights"
        lead="Mined from the event log on the server — suggestions for cells to accept or dismiss, never orders."
      />
      <div className="stack">
        <ProcessMapSection available={has(E.processMap)} />
        <div className="two-columns">
          <SloSection available={has(E.slos)} />
          <RecommendationsSection available={has(E.recommendations)} canCheck={capabilities.has('POST', E.check)} />
        </div>
        <TrendsSection health={health} onRetry={reloadHealth} />
        <SloTrendsSection available={has(E.timeseries)} />
        <div className="two-columns">
          <HealthReportSection health={health} onRetry={reloadHealth} />
          <AnomaliesSection available={has(E.anomalies)} />
        </div>
        {has('/v1/governance/metrics') && <GovernanceMetricsCard />}
      </div>
    </section>
  );
}
