import { NotFoundError } from '../../shared/index.js';
import type { AgendaItem, Review } from '../../model/index.js';
import { normalizeTensionId } from '../tensions/tension-repository.js';

/** Finds an agenda item by its position (`2`, `#2`) or its tension id (`T-7`). */
export function findAgendaItem(
  review: Pick<Review, 'id' | 'agenda'>,
  item: string,
): { item: AgendaItem; index: number } {
  const text = item.trim();
  const position = /^#?(\d+)$/.exec(text);
  const index = position
    ? Number(position[1]) - 1
    : review.agenda.findIndex((i) => i.tensionId === normalizeTensionId(text));
  const found = review.agenda[index];
  if (!found) {
    const listed = review.agenda.map((i, n) => `${n + 1}. ${i.tensionId}`).join(', ');
    throw new NotFoundError(
      `Review ${review.id} has no agenda item "${item}"; name it by position or tension id (${listed || 'the agenda is empty'}).`,
      {
        field: 'item',
        value: item,
      },
    );
  }
  return { item: found, index };
}
