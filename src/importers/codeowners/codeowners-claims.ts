import {
  LINT_RULES,
  buildOrgModel,
  runLintRules,
  type Finding,
  type LoadedManifest,
  type Position,
  type YamlDocumentSource,
} from '../../manifests/index.js';
import type { Manifest } from '../../model/index.js';
import type { CodeownersRule } from './parse-codeowners.js';

/** A path rule that names more than one team, with the domain it became. */
export interface ContestedRule {
  rule: CodeownersRule;
  domain: string;
  /** The teams' cell names, with the column of each owner on the line. */
  cells: { cell: string; column: number }[];
}

/**
 * The `domain-owner` lint finding for paths several teams own, located at the CODEOWNERS lines rather than in
 * YAML: the rule runs over a model of just those claims, whose positions are the lines' patterns and owners.
 */
export function contestedOwnership(file: string, contested: readonly ContestedRule[]): Finding[] {
  const rule = LINT_RULES.find((r) => r.id === 'domain-owner')!;
  const claims = new Map<string, { domains: string[]; positions: Position[] }>();
  const loaded: LoadedManifest[] = contested.map(({ rule: line, domain }) => {
    const manifest = {
      apiVersion: 'cello/v1',
      kind: 'Domain',
      metadata: { name: domain },
      spec: { purpose: line.pattern },
    } as Manifest;
    return { manifest, source: lineSource(file, manifest, () => ({ line: line.line, column: line.column })) };
  });
  for (const { rule: line, domain, cells } of contested) {
    for (const { cell, column } of cells) {
      const claim = claims.get(cell) ?? { domains: [], positions: [] };
      claim.domains.push(`domain:${domain}`);
      claim.positions.push({ line: line.line, column });
      claims.set(cell, claim);
    }
  }
  for (const [cell, claim] of claims) {
    const manifest = {
      apiVersion: 'cello/v1',
      kind: 'Cell',
      metadata: { name: cell },
      spec: { domains: claim.domains },
    } as unknown as Manifest;
    const first = claim.positions[0]!;
    loaded.push({
      manifest,
      source: lineSource(file, manifest, (path) =>
        path[0] === 'spec' && path[1] === 'domains' && typeof path[2] === 'number'
          ? (claim.positions[path[2]] ?? first)
          : first,
      ),
    });
  }
  return runLintRules(buildOrgModel(loaded), {}, [rule]);
}

function lineSource(
  file: string,
  value: unknown,
  locate: (path: readonly (string | number)[]) => Position,
): YamlDocumentSource {
  return { file, index: 0, value, start: locate([]), locate, scalarAt: () => undefined };
}
