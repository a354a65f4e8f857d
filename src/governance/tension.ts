/** The tension shapes live in src/model (the dashboard reads them too); governance's files import them from here. */
export { TENSION_STATES, SEVERITIES, EVIDENCE_KINDS } from '../model/index.js';
export type { TensionState, Severity, TensionOrigin, EvidenceKind, Evidence, Tension, TensionNote } from '../model/index.js';
