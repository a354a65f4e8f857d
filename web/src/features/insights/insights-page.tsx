import { PageHeader } from '../../ui/components/page-header.js';
import { useResource } from '../../api/use-resource.js';
import { callRoute } from '../../../../src/client/isomorphic.js';
import { GOVERNANCE_ROUTES, INSIGHT_ROUTES, RECOMMENDATION_ROUTES } from '../../../../src/model/http/index.js';
import { UnavailableError } from '../../api/unavailable-error.js';
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
  const { has } = capabilities;
  // The health report feeds two sections (its areas, and its weekly trend): read once.
  const [health, reloadHealth] = useResource(
    async (signal) => {
      if (!has(INSIGHT_ROUTES.health)) throw new UnavailableError(INSIGHT_ROUTES.health);
      return callRoute(api, INSIGHT_ROUTES.health, { query: { weeks: 12 } }, { signal });
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
        <ProcessMapSection available={has(INSIGHT_ROUTES.processMap)} />
        <div className="two-columns">
          <SloSection available={has(INSIGHT_ROUTES.slos)} />
          <RecommendationsSection available={has(RECOMMENDATION_ROUTES.list)} canCheck={has(INSIGHT_ROUTES.check)} />
        </div>
        <TrendsSection health={health} onRetry={reloadHealth} />
        <SloTrendsSection available={has(INSIGHT_ROUTES.timeseries)} />
        <div className="two-columns">
          <HealthReportSection health={health} onRetry={reloadHealth} />
          <AnomaliesSection available={has(INSIGHT_ROUTES.anomalies)} />
        </div>
        {has(GOVERNANCE_ROUTES.metrics) && <GovernanceMetricsCard />}
      </div>
    </section>
  );
}
