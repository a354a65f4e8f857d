import type { TSchema } from '@sinclair/typebox';

/** One of Cello's own event types as the catalogue describes it: what happened, who sends it, and its data. */
export interface EventDefinition<Source extends string = string, Data extends TSchema = TSchema> {
  /** One line: what the event records. */
  description: string;
  /** The event's `source`, or its pattern with a `{placeholder}` the producer fills in. */
  source: Source;
  /** What the event's `subject` holds. */
  subject: string;
  /** The schema of the event's `data`. */
  data: Data;
}

/** Keeps a definition's literal source type, so the constructor knows when a producer must fill the source in. */
export function defineEvent<Source extends string, Data extends TSchema>(
  definition: EventDefinition<Source, Data>,
): EventDefinition<Source, Data> {
  return definition;
}
