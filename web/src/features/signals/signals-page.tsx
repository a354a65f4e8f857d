import { PageHeader } from '../../ui/components/page-header.js';
import { DeliveriesPanel } from './deliveries-panel.js';
import { LiveEvents } from './live-events.js';

/** What is happening now: the live event stream, and where its deliveries stand. */
export function SignalsPage() {
  return (
    <section className="page page-wide">
      <PageHeader
        title="Live signals"
        lead="Events as they are committed to the log, and the webhook deliveries they caused."
      />
      <div className="two-columns">
        <LiveEvents />
        <DeliveriesPanel />
      </div>
    </section>
  );
}
