import { Link } from '../../router/link.js';
import type { OrgGraph } from '../../ui/org/org-graph.js';

const MAX_LISTED = 60;

/** The map's cells as a plain list by domain: the keyboard and screen-reader way through the organization. */
export function CellDirectory({ graph, filter }: { graph: OrgGraph; filter: string }) {
  let listed = 0;
  let total = 0;
  const groups = graph.groups
    .map((group) => {
      const cells = group.cells.filter(
        (c) =>
          !filter ||
          [c.name, c.title, c.purpose, ...c.domains, ...c.eventTypes].some((t) => t.toLowerCase().includes(filter)),
      );
      total += cells.length;
      const shown = cells.slice(0, Math.max(0, MAX_LISTED - listed));
      listed += shown.length;
      return { group, shown, hidden: cells.length - shown.length };
    })
    .filter((g) => g.shown.length > 0 || g.hidden > 0);
  return (
    <section className="side-section" aria-labelledby="cell-directory-title">
      <h2 id="cell-directory-title">Cells by domain</h2>
      {total === 0 && <p className="hint">No cell matches “{filter}”.</p>}
      {groups.map(({ group, shown, hidden }) => (
        <div key={group.id} className="directory-group">
          <h3>{group.title}</h3>
          <ul className="plain-list">
            {shown.map((cell) => (
              <li key={cell.name}>
                <Link to={`/cells/${encodeURIComponent(cell.name)}`}>{cell.title}</Link>{' '}
                <span className="muted">{cell.type}</span>
              </li>
            ))}
          </ul>
          {hidden > 0 && <p className="hint">and {hidden} more; type to narrow the list.</p>}
        </div>
      ))}
    </section>
  );
}
