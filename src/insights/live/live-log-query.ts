import { isCelloEventType, WORKFLOW_EVENT_PREFIX } from '../../model/index.js';
import { InputError, isDuration, parseDuration } from '../../shared/index.js';

/** Which events of the live log to mine, and what a resource is. */
export interface LiveLogQuery {
  /** Exact event types or `prefix.*` patterns; every type when absent. */
  types?: string[];
  /** Inclusive lower bound on the event time, epoch ms. */
  fromMs?: number;
  /** Exclusive upper bound on the event time, epoch ms. */
  toMs?: number;
  /** Keep the cases in which some event carries this `workflow` extension (a Workflow's name). */
  workflow?: string;
  /** Keep the cases in which some event carries this `template` extension (`name` or `name@version`). */
  template?: string;
  /** What a resource is: `publisher` (the publishing cell; default), `data.<field>` (a field of the data) or `none`. */
  resource?: string;
  /**
   * Without `types`, Cello's own records (the event catalogue's: tensions, reviews, deliveries…) are left out,
   * except workflow events (`WORKFLOW_EVENT_PREFIX`), which are work; `includeCello` keeps them all.
   */
  includeCello?: boolean;
}

/** Whether a row of this type is mined under the query (the type filter itself runs in the store). */
export function minesType(query: LiveLogQuery): ((type: string) => boolean) | undefined {
  if (query.types || query.includeCello) return undefined;
  return (type) => !isCelloEventType(type) || type.startsWith(WORKFLOW_EVENT_PREFIX);
}

/** The query as it arrives from a URL or flags: comma-separated types (as `GET /v1/events?type=`), times as RFC 3339 or a duration back from now. */
export interface LiveLogQueryText {
  type?: string;
  from?: string;
  to?: string;
  workflow?: string;
  template?: string;
  resource?: string;
  /** `true` keeps Cello's own records (the event catalogue's types) in the log. */
  cello?: string;
}

const RESOURCE = /^(publisher|none|data(\.[A-Za-z0-9_-]+)+)$/;

/** Parses the text form; `from: 7d` means seven days before `now`. Refuses values it cannot read, naming them. */
export function parseLiveLogQuery(text: LiveLogQueryText, now: Date): LiveLogQuery {
  const query: LiveLogQuery = {};
  const types = (text.type ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (types.length > 0) query.types = types;
  if (text.from) query.fromMs = instant(text.from, 'from', now);
  if (text.to) query.toMs = instant(text.to, 'to', now);
  if (query.fromMs !== undefined && query.toMs !== undefined && query.fromMs >= query.toMs) {
    throw new InputError(`The time window from ${text.from} to ${text.to} is empty; "from" must come before "to".`, {
      field: 'from',
    });
  }
  if (text.workflow) query.workflow = text.workflow;
  if (text.template) query.template = text.template.replace(/^template:/, '');
  if (text.resource) {
    if (!RESOURCE.test(text.resource)) {
      throw new InputError(
        `resource "${text.resource}" is not understood; use publisher (the publishing cell), data.<field> (e.g. data.assignee) or none.`,
        {
          field: 'resource',
          value: text.resource,
        },
      );
    }
    query.resource = text.resource;
  }
  if (text.cello === 'true' || text.cello === '1') query.includeCello = true;
  return query;
}

function instant(value: string, field: string, now: Date): number {
  if (isDuration(value)) return now.getTime() - parseDuration(value, field);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new InputError(
      `${field} "${value}" is neither an RFC 3339 time (2026-01-05T09:00:00Z) nor a duration back from now (7d).`,
      { field, value },
    );
  }
  return ms;
}
