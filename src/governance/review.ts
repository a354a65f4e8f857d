/** The review shapes live in src/model (the dashboard reads them too); governance's files import them from here. */
export { REVIEW_STATES } from '../model/index.js';
export type { ReviewState, AgendaItemKind, AgendaItemStatus, EvidencePacket, AgendaItem, Review } from '../model/index.js';
