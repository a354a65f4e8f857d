/** The live process map (`GET /v1/insights/process-map`, `cello.process-map/1`): the mining figures of the live log. */
import { Type, type Static } from '@sinclair/typebox';
import { MinedLog, MiningOptionsUsed, minedFigures } from './mining-result-schema.js';

const text = Type.Union([Type.String(), Type.Null()]);

/** Who answers for an activity (an event type): the cell that offers it, else the cell that publishes most of it. */
export const ActivityOwner = Type.Object({
  activity: Type.String(),
  cell: Type.Union([Type.String(), Type.Null()]),
  basis: Type.Union([Type.Literal('offer'), Type.Literal('publisher'), Type.Literal('none')], {
    description: '`offer`: the cell offers the type; `publisher`: it published most of them; `none`: nobody known',
  }),
});
export type ActivityOwner = Static<typeof ActivityOwner>;

/** The live process map: the mining figures of the live log, what was read, and who owns each activity. */
export const ProcessMap = Type.Object({
  schema: Type.Literal('cello.process-map/1'),
  query: Type.Object(
    {
      types: Type.Union([Type.Array(Type.String()), Type.Null()]),
      from: text,
      to: text,
      workflow: text,
      template: text,
      resource: Type.String(),
    },
    { description: 'the filters applied, as given (times as ISO 8601 UTC)' },
  ),
  caseNotion: Type.String({ description: 'how events were grouped into cases' }),
  scanned: Type.Integer({ description: 'events read from the store' }),
  withoutCase: Type.Integer({ description: 'events read that had no case id' }),
  log: MinedLog,
  options: MiningOptionsUsed,
  ...minedFigures,
  activityOwners: Type.Array(ActivityOwner),
});
export type ProcessMap = Static<typeof ProcessMap>;
