import { PageHeader } from '../ui/components/page-header.js';
import { Link } from '../router/link.js';

/** A path the dashboard does not know. */
export function NotFoundPage({ path }: { path: string }) {
  return (
    <section className="page">
      <PageHeader
        title="Page not found"
        lead={
          <>
            The dashboard has no page at <code>{path}</code>.
          </>
        }
      />
      <p>
        Go to the <Link to="/map">organization map</Link>.
      </p>
    </section>
  );
}
