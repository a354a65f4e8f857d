import { celloEvent, compileExpression, GuardrailVersioned } from '../../model/index.js';
import path from 'node:path';
import { GUARDRAIL_VARIABLES, diffFields, manifestHash, manifestToYaml } from '../../manifests/index.js';
import { InputError } from '../../shared/index.js';
import { appliedEvent, type OutcomeEffect } from './change-agreement.js';
import { checkManifest } from './edit-manifest.js';
import type { GovernanceContext, GovernanceRepos } from '../governance-context.js';
import { proposalFileName } from './proposal-file-name.js';
import type { OutcomeInput } from './outcome-input.js';
import type { Tension, GuardrailSpec, Manifest } from '../../model/index.js';

/** Adds a guardrail, or writes a new version of an existing one, with its YAML; the expression must compile. */
export async function addGuardrail(
  ctx: GovernanceContext,
  repos: GovernanceRepos,
  tension: Tension,
  input: OutcomeInput,
  decision: { id: string },
): Promise<OutcomeEffect> {
  const name = input.guardrail!.replace(/^guardrail:/, '');
  const current = await repos.store.manifests.get('Guardrail', name);
  const live = current && !current.removed && current.manifest.kind === 'Guardrail' ? current.manifest : undefined;
  const next = checkManifest({
    apiVersion: 'cello/v1',
    kind: 'Guardrail',
    metadata: live?.metadata ?? { name },
    spec: input.guardrailSpec as unknown as GuardrailSpec,
  } as Manifest);
  if (next.kind !== 'Guardrail')
    throw new InputError('A guardrail outcome must describe a Guardrail.', { field: 'guardrailSpec' });
  compileExpression(next.spec.expression, {
    variables: GUARDRAIL_VARIABLES[next.spec.target],
    where: `Guardrail/${name} spec.expression`,
  });
  const changes = live ? diffFields(live, next) : diffFields({}, next);
  if (live && changes.length === 0)
    throw new InputError(`Guardrail "${name}" already has this spec (version ${current!.version}).`, {
      field: 'guardrailSpec',
    });
  const version = await repos.store.manifests.put('Guardrail', name, next, manifestHash(next));
  const yaml = manifestToYaml(next);
  const file = ctx.options.proposalsDir
    ? path.join(ctx.options.proposalsDir, proposalFileName(next, version))
    : undefined;
  const now = ctx.now();
  const ref = `guardrail:${name}`;
  return {
    details: {
      guardrail: name,
      version,
      ...(live ? { previousVersion: current!.version } : {}),
      changes,
      yaml,
      ...(file ? { file } : {}),
    },
    events: [
      celloEvent(GuardrailVersioned, {
        subject: tension.id,
        time: now,
        data: {
          tension: tension.id,
          decision: decision.id,
          guardrail: ref,
          version,
          changes,
        },
      }),
      appliedEvent(now, decision.id, ref, version, changes),
    ],
    writes: file ? [{ file, text: yaml }] : [],
  };
}
