/** The JSON shape `mineLog` returns and `cello mine --json` prints: the model's schemas; see ARCHITECTURE.md. */
export type {
  ActivityCount,
  ActivityFrequency,
  Bottleneck,
  CaseDurations,
  DirectlyFollowsEdge,
  EdgePerformance,
  Handover,
  MiningResult,
  MiningSummary,
  Rework,
  ReworkActivity,
  Variant,
} from '../../model/index.js';
