import type { TensionEvidence } from './tension-sink.js';

/** What a cell tries when it accepts a recommendation: a move, a metric to watch, and when to look again. */
export interface ExperimentRequest {
  /** The recommendation accepted (`R-3`): the experiment's origin. */
  recommendation: string;
  /** The cell that accepted it and runs the experiment (without `cell:`). */
  cell: string;
  title: string;
  move: string;
  metric: string;
  /** `YYYY-MM-DD` or a duration from now (`2w`); governance's default when absent. */
  reviewDate?: string;
  evidence: TensionEvidence[];
  /** Who accepted, in words (`cell:finance's token`). */
  acceptedBy: string;
}

/**
 * Where an accepted recommendation becomes an experiment, without insights importing governance: src/app wires
 * it to governance. Insights record the acceptance (and its event) whether or not an experiment could be started.
 */
export interface ExperimentSink {
  startExperiment(request: ExperimentRequest): Promise<{ experiment: string; tension?: string }>;
}
