/** Which manifest a resolution problem sits in: the adopting workflow, or the template version it adapts. */
export type ProblemManifest = 'workflow' | 'template';

/** One reason a workflow does not resolve against its template, located inside a manifest. */
export interface ResolutionProblem {
  /** Stable id, e.g. `fixed-step`, `parameter-range`. */
  code: string;
  severity: 'error' | 'warning';
  /** The manifest the problem is in. */
  in: ProblemManifest;
  /** Where inside that manifest, e.g. `['spec', 'overrides', 'remove', 0]`. */
  path: (string | number)[];
  /** What is wrong, as a full sentence. */
  message: string;
  /** How to fix it. */
  hint: string;
}

/** Builds an error-level problem. */
export function problem(
  code: string,
  where: ProblemManifest,
  path: (string | number)[],
  message: string,
  hint: string,
): ResolutionProblem {
  return { code, severity: 'error', in: where, path, message, hint };
}
