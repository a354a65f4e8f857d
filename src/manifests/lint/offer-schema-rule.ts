import { compileDataSchema } from '../data-schema.js';
import type { Finding } from '../finding.js';
import { findingAt, type LintRule } from './lint-rule.js';

export const offerSchema: LintRule = {
  id: 'offer-schema',
  severity: 'error',
  description: "Every event offer's data schema is a valid JSON Schema whose patterns Cello can run (RE2).",
  check(model) {
    const out: Finding[] = [];
    for (const [, cell] of model.cells) {
      (cell.spec.offers ?? []).forEach((offer, o) =>
        (offer.events ?? []).forEach((event, e) => {
          if (!event.schema) return;
          try {
            compileDataSchema(event.schema);
          } catch (error) {
            const reason = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
            out.push(
              findingAt(
                model,
                this,
                cell,
                ['spec', 'offers', o, 'events', e, 'schema'],
                `The data schema of ${event.type} cannot be used: ${reason}.`,
                'fix the schema (JSON Schema draft-07; patterns in RE2 syntax, without backreferences or lookaround)',
              ),
            );
          }
        }),
      );
    }
    return out;
  },
};
