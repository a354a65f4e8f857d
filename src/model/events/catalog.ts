import type { Static } from '@sinclair/typebox';
import { DECISION_EVENTS } from './decision-events.js';
import { DELIVERY_EVENTS } from './delivery-events.js';
import { EXPERIMENT_EVENTS } from './experiment-events.js';
import { MANIFEST_EVENTS } from './manifest-events.js';
import { PROPOSAL_EVENTS } from './proposal-events.js';
import { RECOMMENDATION_EVENTS } from './recommendation-events.js';
import { REVIEW_EVENTS } from './review-events.js';
import { TENSION_EVENTS } from './tension-events.js';
import { WORKFLOW_EVENTS } from './workflow-events.js';
import { WORKFLOW_NOTICE_EVENTS } from './workflow-notice-events.js';
import { WORKFLOW_TASK_EVENTS } from './workflow-task-events.js';

/** Every event type Cello itself emits, by type: the one place a `dev.cello.*` type and its data are written. */
export const CATALOG = {
  ...TENSION_EVENTS,
  ...PROPOSAL_EVENTS,
  ...REVIEW_EVENTS,
  ...DECISION_EVENTS,
  ...EXPERIMENT_EVENTS,
  ...RECOMMENDATION_EVENTS,
  ...WORKFLOW_EVENTS,
  ...WORKFLOW_TASK_EVENTS,
  ...WORKFLOW_NOTICE_EVENTS,
  ...DELIVERY_EVENTS,
  ...MANIFEST_EVENTS,
};

/** One of Cello's own event types. */
export type CelloEventType = keyof typeof CATALOG;

/** The `data` of a Cello event of type `T`, as its schema says. */
export type EventData<T extends CelloEventType> = Static<(typeof CATALOG)[T]['data']>;

/** The types whose catalogue source is `Source` (e.g. the workflow source pattern). */
export type CelloEventTypeFrom<Source extends string> = {
  [T in CelloEventType]: (typeof CATALOG)[T]['source'] extends Source ? T : never;
}[CelloEventType];

/** A Cello event's type with its data: narrow on `type` to read `data`. */
export type CelloEvent = { [T in CelloEventType]: { type: T; data: EventData<T> } }[CelloEventType];

/** Every Cello event type, in catalogue order. */
export const CELLO_EVENT_TYPES = Object.keys(CATALOG) as CelloEventType[];

/** Every Cello event's type starts with this: the types are reserved for Cello, no cell may publish them. */
export const CELLO_EVENT_PREFIX = 'dev.cello.';

/** A catalogue entry as the API and the AsyncAPI document publish it. */
export interface CatalogEntry {
  type: CelloEventType;
  description: string;
  source: string;
  subject: string;
  /** The JSON Schema of `data`. */
  dataSchema: object;
}

/** The catalogue as a list, for `GET /v1/events/catalog` and the AsyncAPI document. */
export function catalogEntries(): CatalogEntry[] {
  return CELLO_EVENT_TYPES.map((type) => {
    const { description, source, subject, data } = CATALOG[type];
    return { type, description, source, subject, dataSchema: data };
  });
}

/** Whether a type is one of Cello's own (reserved) types, catalogued or not. */
export function isCelloEventType(type: string): boolean {
  return type.startsWith(CELLO_EVENT_PREFIX);
}
