import type { ResolutionProblem } from '../../model/index.js';

export type { ResolutionProblem } from '../../model/index.js';

/** Which manifest a resolution problem sits in: the adopting workflow, or the template version it adapts. */
export type ProblemManifest = ResolutionProblem['in'];

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
