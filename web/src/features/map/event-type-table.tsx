import type { OrgGraph } from '../../ui/org/org-graph.js';

const MAX_ROWS = 40;

/** Who owns each event type: the cell that offers it (one owner per type). */
export function EventTypeTable({
  graph,
  filter,
  onShowOwner,
}: {
  graph: OrgGraph;
  filter: string;
  onShowOwner: (cell: string) => void;
}) {
  const rows = graph.eventTypes.filter(
    (e) => !filter || e.type.toLowerCase().includes(filter) || e.owner.toLowerCase().includes(filter),
  );
  return (
    <section className="side-section" aria-labelledby="event-types-title">
      <h2 id="event-types-title">Event types and owners</h2>
      {rows.length === 0 ? (
        <p className="hint">
          {graph.eventTypes.length === 0 ? 'No cell offers an event type yet.' : `No event type matches “${filter}”.`}
        </p>
      ) : (
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">type</th>
              <th scope="col">owner</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, MAX_ROWS).map((row) => (
              <tr key={row.type}>
                <td>
                  <code title={row.description}>{row.type}</code>
                </td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onShowOwner(row.owner)}
                    aria-label={`Show ${row.owner}, owner of ${row.type}, on the map`}
                  >
                    {row.owner}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length > MAX_ROWS && (
        <p className="hint">
          Showing {MAX_ROWS} of {rows.length}; type to narrow.
        </p>
      )}
    </section>
  );
}
