import { PageHeader } from '../../components/page-header.js';
import { INSIGHT_ENDPOINTS } from '../../insights/insight-endpoints.js';
import { useApp } from '../../shell/app-context.js';
import { GovernanceMetricsCard } from '../review/governance-metrics-card.js';
import { HealthReportSection } from './health-report-section.js';
import { ProcessMapSection } from './process-map-section.js';
import { RecommendationsSection } from './recommendations-section.js';
import { TrendsSection } from './trends-section.js';

/** What the log shows: the process as it runs, its variants, trends, recommendations and the health report. */
export function InsightsPage() {
  const { capabilities } = useApp();
  const path = (candidates: readonly string[]) => capabilities.first('GET', ...candidates);
  return (
    <section className="page page-wide insights-page">
      <PageHeader title="Insights" lead="Mined from the event log on the server — suggestions for cells to accept or dismiss, never orders." />
      <div className="stack">
        <ProcessMapSection path={path(INSIGHT_ENDPOINTS.processMap)} />
        <TrendsSection path={path(INSIGHT_ENDPOINTS.trends)} />
        <RecommendationsSection path={path(INSIGHT_ENDPOINTS.recommendations)} />
        <HealthReportSection path={path(INSIGHT_ENDPOINTS.health)} />
        {capabilities.has('GET', '/v1/governance/metrics') && <GovernanceMetricsCard />}
      </div>
    </section>
  );
}
