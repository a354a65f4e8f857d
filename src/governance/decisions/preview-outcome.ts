import { GUARDRAIL_VARIABLES, diffFields } from '../../manifests/index.js';
import { compileExpression } from '../../model/index.js';
import { NotFoundError } from '../../shared/index.js';
import { assertAgreementConcerns } from './change-agreement.js';
import { checkManifest, editManifest } from './edit-manifest.js';
import type { GovernanceContext } from '../governance-context.js';
import type { OutcomeInput } from './outcome-input.js';
import type { Tension, GuardrailSpec } from '../../model/index.js';

/**
 * What a proposal would change, computed now so a bad proposal is refused when it is made rather than when its
 * window ends. Acceptance computes it again against the versions current then.
 */
export async function previewOutcome(
  ctx: GovernanceContext,
  tension: Tension,
  input: OutcomeInput,
  deciderCell?: string,
): Promise<Record<string, unknown>> {
  const manifests = ctx.read().store.manifests;
  if (input.outcome === 'change-agreement') {
    const name = input.agreement!.replace(/^agreement:/, '');
    const current = await manifests.get('Agreement', name);
    if (!current || current.removed || current.manifest.kind !== 'Agreement')
      throw new NotFoundError(`There is no applied agreement "${name}".`, { field: 'agreement', value: name });
    assertAgreementConcerns(tension, current.manifest, deciderCell);
    const next = editManifest(current.manifest, input.set, input.unset);
    return { agreement: name, fromVersion: current.version, changes: diffFields(current.manifest, next) };
  }
  if (input.outcome === 'add-guardrail') {
    const name = input.guardrail!.replace(/^guardrail:/, '');
    const spec = input.guardrailSpec as unknown as GuardrailSpec;
    checkManifest({ apiVersion: 'cello/v1', kind: 'Guardrail', metadata: { name }, spec });
    compileExpression(spec.expression, {
      variables: GUARDRAIL_VARIABLES[spec.target],
      where: `Guardrail/${name} spec.expression`,
    });
    return { guardrail: name, spec };
  }
  if (input.outcome === 'experiment')
    return { move: input.move, metric: input.metric, ...(input.reviewDate ? { reviewDate: input.reviewDate } : {}) };
  return { outcome: input.outcome, ...(input.to ? { to: input.to } : {}), reason: input.reason };
}
