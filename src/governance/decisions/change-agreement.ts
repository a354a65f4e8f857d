import path from 'node:path';
import { diffFields, manifestHash, manifestToYaml, type FieldChange } from '../../manifests/index.js';
import {
  AgreementVersioned,
  celloEvent,
  GOVERNANCE_SOURCE,
  ManifestApplied,
  type CloudEvent,
  type ManifestOf,
  type Tension,
} from '../../model/index.js';
import { InputError, NotFoundError } from '../../shared/index.js';
import { editManifest } from './edit-manifest.js';
import type { GovernanceContext, GovernanceRepos, PendingWrite } from '../governance-context.js';
import { proposalFileName } from './proposal-file-name.js';
import type { OutcomeInput } from './outcome-input.js';

/** What an outcome did, for the decision's details, plus its events and files. */
export interface OutcomeEffect {
  details: Record<string, unknown>;
  events: CloudEvent[];
  writes: PendingWrite[];
}

/**
 * Writes a new version of an agreement (in the deciding transaction), with the field diff, the YAML for the
 * org-as-code repository, and a `ManifestApplied` event so every process reloads the organization.
 * The agreement must involve one of the tension's cells or the decider's.
 */
export async function changeAgreement(
  ctx: GovernanceContext,
  repos: GovernanceRepos,
  tension: Tension,
  input: OutcomeInput,
  decision: { id: string; deciderCell?: string },
): Promise<OutcomeEffect> {
  const name = input.agreement!.replace(/^agreement:/, '');
  const current = await repos.store.manifests.get('Agreement', name);
  if (!current || current.removed || current.manifest.kind !== 'Agreement') {
    const known = (await repos.store.manifests.current('Agreement')).map((v) => v.name);
    throw new NotFoundError(`There is no applied agreement "${name}" (known: ${known.join(', ') || 'none'}).`, {
      field: 'agreement',
      value: name,
    });
  }
  assertAgreementConcerns(tension, current.manifest, decision.deciderCell);
  const next = editManifest(current.manifest, input.set, input.unset);
  const changes: FieldChange[] = diffFields(current.manifest, next);
  if (changes.length === 0)
    throw new InputError(
      `The change leaves agreement "${name}" as it is (version ${current.version}); set a value that differs.`,
      { field: 'set' },
    );
  const version = await repos.store.manifests.put('Agreement', name, next, manifestHash(next));
  const yaml = manifestToYaml(next);
  const file = ctx.options.proposalsDir
    ? path.join(ctx.options.proposalsDir, proposalFileName(next, version))
    : undefined;
  const now = ctx.now();
  const ref = `agreement:${name}`;
  const events: CloudEvent[] = [
    celloEvent(AgreementVersioned, {
      subject: tension.id,
      time: now,
      data: {
        tension: tension.id,
        decision: decision.id,
        agreement: ref,
        version,
        previousVersion: current.version,
        changes,
      },
    }),
    appliedEvent(now, decision.id, ref, version, changes),
  ];
  return {
    details: { agreement: name, version, previousVersion: current.version, changes, yaml, ...(file ? { file } : {}) },
    events,
    writes: file ? [{ file, text: yaml }] : [],
  };
}

/** The apply record of a version governance wrote, so the runtime and every other process reload. */
export function appliedEvent(
  now: Date,
  decision: string,
  ref: string,
  version: number,
  changes: FieldChange[],
): CloudEvent {
  return celloEvent(ManifestApplied, {
    source: GOVERNANCE_SOURCE,
    subject: ref,
    time: now,
    data: {
      actor: `governance (decision ${decision})`,
      changes: [{ action: version === 1 ? 'add' : 'change', ref, version, fields: changes.map((c) => c.path) }],
      unchanged: 0,
    },
  });
}

/** A decision may change only an agreement of the cells concerned: the tension's involved cells or the decider's. */
export function assertAgreementConcerns(
  tension: Pick<Tension, 'id' | 'cells'>,
  agreement: ManifestOf<'Agreement'>,
  deciderCell: string | undefined,
): void {
  const { provider, consumer } = agreement.spec;
  const parties = [provider, consumer].map((c) => c.replace(/^cell:/, ''));
  const concerned = new Set([...tension.cells, ...(deciderCell ? [deciderCell] : [])]);
  if (parties.some((p) => concerned.has(p))) return;
  throw new InputError(
    `Agreement "${agreement.metadata.name}" is between ${provider} and ${consumer}, neither involved in tension ${tension.id} (${tension.cells.map((c) => `cell:${c}`).join(', ')}); change an agreement of the cells concerned, or raise a tension about this one.`,
    { field: 'agreement', value: agreement.metadata.name },
  );
}
