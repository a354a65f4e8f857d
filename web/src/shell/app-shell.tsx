import { useEffect, useRef } from 'react';
import { CellPage } from '../features/cell/cell-page.js';
import { InsightsPage } from '../features/insights/insights-page.js';
import { MapPage } from '../features/map/map-page.js';
import { NotFoundPage } from './not-found-page.js';
import { ReviewPage } from '../features/review/review-page.js';
import { SignalsPage } from '../features/signals/signals-page.js';
import { TensionsPage } from '../features/tensions/tensions-page.js';
import { Link } from '../router/link.js';
import { navigate } from '../router/navigation.js';
import { hrefOf, type Route } from '../router/route.js';
import { useApp } from './app-context.js';

const SECTIONS: { page: Route['page']; label: string; href: string }[] = [
  { page: 'map', label: 'Map', href: '/map' },
  { page: 'signals', label: 'Signals', href: '/signals' },
  { page: 'tensions', label: 'Tensions', href: '/tensions' },
  { page: 'review', label: 'Review', href: '/review' },
  { page: 'insights', label: 'Insights', href: '/insights' },
];

/** The frame around every signed-in page: navigation, who is signed in, and the page. */
export function AppShell({ route }: { route: Route }) {
  const { identity, signOut } = useApp();
  const path = hrefOf(route);
  const first = useRef(true);

  useEffect(() => {
    if (route.page === 'sign-in') navigate('/map', { replace: true });
  }, [route.page]);

  // After a navigation, move focus to the new page's title so keyboard users start there.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('page-title')?.focus();
    window.scrollTo(0, 0);
  }, [path]);

  const section = route.page === 'cell' ? 'map' : route.page;
  return (
    <div className={`shell page-${route.page}`}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/map" className="brand" aria-label="Cello, the organization map">
          <span className="brand-mark" aria-hidden="true" /> Cello
        </Link>
        <nav aria-label="Sections">
          <ul className="nav-list">
            {SECTIONS.map((s) => (
              <li key={s.page}>
                <Link to={s.href} current={section === s.page}>
                  {s.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="whoami">
          {identity.kind === 'unknown' ? (
            <span
              className="whoami-label"
              title="This server has no GET /v1/whoami, so the dashboard cannot say whose token this is."
            >
              <strong data-testid="whoami">Signed in</strong> (token accepted)
            </span>
          ) : (
            <span className="whoami-label">
              Signed in as <strong data-testid="whoami">{identity.label}</strong>
            </span>
          )}
          <button type="button" className="button button-quiet" onClick={() => signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Page route={route} />
      </main>
    </div>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'sign-in':
    case 'map':
      return <MapPage />;
    case 'cell':
      return <CellPage name={route.cell} />;
    case 'signals':
      return <SignalsPage />;
    case 'tensions':
      return <TensionsPage {...(route.tension ? { selected: route.tension } : {})} />;
    case 'review':
      return <ReviewPage {...(route.review ? { selected: route.review } : {})} />;
    case 'insights':
      return <InsightsPage />;
    case 'not-found':
      return <NotFoundPage path={route.path} />;
  }
}
