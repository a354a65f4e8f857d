import type { Finding, OrgModel } from '../../manifests/index.js';
import type { DetectedInput } from '../tensions/raise-input.js';

/** The detector name boundary-lint tensions carry. */
export const BOUNDARY_LINT = 'boundary-lint';

/** The subject a finding is known by across applies: rule, manifest and path (not the message, which may name dates). */
export function findingSubject(finding: Finding): string {
  return `${finding.ruleId}:${finding.kind ?? ''}/${finding.name ?? ''}${finding.path ? `#${finding.path}` : ''}`;
}

/** The cells a finding is about, from the manifest it points at. */
export function cellsOfFinding(finding: Finding, model: OrgModel): string[] {
  const name = finding.name ?? '';
  const strip = (ref: string | undefined) => ref?.replace(/^cell:/, '');
  const of = (...refs: (string | undefined)[]) => [...new Set(refs.map(strip).filter((c): c is string => Boolean(c)))];
  switch (finding.kind) {
    case 'Cell':
      return of(name);
    case 'Agreement': {
      const a = model.agreements.find((m) => m.metadata.name === name);
      return of(a?.spec.provider, a?.spec.consumer);
    }
    case 'Domain':
      return of(...model.domainOwners(name));
    case 'Subscription':
      return of(model.subscriptions.find((s) => s.metadata.name === name)?.spec.cell);
    case 'Workflow':
      return of(model.workflows.get(name)?.spec.cell);
    case 'DecisionRight':
      return of(model.decisionRights.find((d) => d.metadata.name === name)?.spec.decider.cell);
    default:
      return [];
  }
}

/** One tension per finding (by {@link findingSubject}); rules in `ignored` are left to others. */
export function lintFindingTensions(
  findings: readonly Finding[],
  model: OrgModel,
  tensionType: string,
  ignored: readonly string[],
): DetectedInput[] {
  const bySubject = new Map<string, DetectedInput>();
  for (const finding of findings) {
    if (ignored.includes(finding.ruleId)) continue;
    const subject = findingSubject(finding);
    if (bySubject.has(subject)) continue;
    const where = finding.kind
      ? `${finding.kind}/${finding.name ?? ''}${finding.path ? ` ${finding.path}` : ''}`
      : 'the organization';
    bySubject.set(subject, {
      detector: BOUNDARY_LINT,
      subject,
      title: truncate(`${finding.ruleId}: ${finding.message}`, 200),
      description: `${finding.message} Where: ${where}. How to fix: ${finding.hint}.`,
      type: tensionType,
      cells: cellsOfFinding(finding, model),
      severity: finding.severity === 'error' ? 'high' : 'medium',
      evidence: [{ kind: 'finding', ref: subject, note: finding.hint }],
    });
  }
  return [...bySubject.values()];
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
