import path from 'node:path';
import { parseYamlDocuments, schemaProblems, type Finding, type YamlDocumentSource } from '../../manifests/index.js';
import type { ManifestOf, Offer } from '../../model/index.js';
import { celloName } from '../cello-name.js';
import { draftAgreement } from '../draft-agreement.js';
import { IMPORT_LIMITS, type ImportLimits } from '../import-limits.js';
import type { ImportedManifest, ImportTarget, SourceImport } from '../imported-manifest.js';
import { SOURCE_LABEL, importedOrganization } from '../imported-organization.js';
import { importFinding } from '../import-rules.js';
import { appendItem, finishDraft, type ManifestDraft } from '../manifest-draft.js';
import { locationName, readSource, resolveInputs } from '../source-input.js';
import { TeamApiDocument } from './team-api-document.js';

interface Team {
  document: TeamApiDocument;
  source: YamlDocumentSource;
  draft: ManifestDraft<ManifestOf<'Cell'>>;
}

/**
 * Reads Team API documents (YAML or JSON files, or folders of them; one team per document) and maps them to
 * manifests: each team → a Cell (its members, the first facilitator unless roles say otherwise), its services →
 * offers, its dependencies → expectations and, where the providing team and service are known, draft agreements in
 * the dependency's interaction mode. A document that breaks the subset is reported at its line and left out.
 */
export async function importTeamApi(
  inputs: readonly string[],
  target: ImportTarget,
  limits: ImportLimits = IMPORT_LIMITS,
): Promise<SourceImport> {
  const findings: Finding[] = [];
  const teams = new Map<string, Team>();
  for (const entry of await resolveInputs(inputs, target.cwd, ['.yaml', '.yml', '.json'], limits)) {
    const file = locationName(entry.location);
    const read = await readSource(entry.location, limits);
    if ('problem' in read) {
      findings.push(importFinding('source-unreadable', { file }, `${file} ${read.problem}.`, 'check the path or URL'));
      continue;
    }
    const parsed = parseYamlDocuments(file, read.text);
    findings.push(...parsed.findings);
    for (const source of parsed.documents) {
      const problems = schemaProblems(TeamApiDocument, source.value);
      if (problems.length > 0) {
        findings.push(
          ...problems.map((p) =>
            importFinding(
              'team-api-invalid',
              { file, ...source.locate(p.path, p.target) },
              `${sentence(p.message.replace(/^the manifest\b/, 'the Team API document'))} The team was not imported.`,
              p.hint,
              { kind: 'Team API', ...teamLabel(source.value) },
            ),
          ),
        );
        continue;
      }
      const document = source.value as TeamApiDocument;
      const name = celloName(document.team);
      if (!name || teams.has(name)) {
        findings.push(
          importFinding(
            'name-clash',
            { file, ...source.locate(['team']) },
            name
              ? `Team "${document.team}" would become cell ${name}, which another document already became; it was skipped.`
              : `Team name "${document.team}" has no letters or digits to make a cell name from; it was skipped.`,
            'give each team a distinct name',
            { kind: 'Team API', name: document.team },
          ),
        );
        continue;
      }
      teams.set(name, { document, source, draft: teamCell(name, document, source, target.cwd) });
    }
  }
  const agreements = dependencies(teams, target, findings);
  const manifests: ImportedManifest[] = [
    importedOrganization({
      name: target.organizationName,
      fallback: true,
      source: 'team-api',
      header:
        'Written by `cello import team-api`: Team API documents say nothing about the organization, so everything here is a default.',
    }),
    ...[...teams.values()].map((t) => finishDraft(t.draft)),
    ...agreements,
  ];
  return { source: 'team-api', manifests, files: [], findings };
}

function teamCell(
  name: string,
  document: TeamApiDocument,
  source: YamlDocumentSource,
  cwd: string,
): ManifestDraft<ManifestOf<'Cell'>> {
  const from = (field: string) => `from ${display(source.file, cwd)}:${source.locate([field]).line} ${field}`;
  const draft: ManifestDraft<ManifestOf<'Cell'>> = {
    file: `cells/${name}.yaml`,
    header: [
      `Imported by \`cello import team-api\` from ${display(source.file, cwd)}:${source.start.line}.`,
      'Importing again updates what the Team API changed and keeps what you changed here (.cello-import/team-api.json).',
    ].join('\n'),
    manifest: {
      apiVersion: 'cello/v1',
      kind: 'Cell',
      metadata: {
        name,
        title: document.team,
        ...(document.waysOfWorking ? { description: document.waysOfWorking } : {}),
        labels: { [SOURCE_LABEL]: `team-api ${document.team}`.slice(0, 200) },
      },
      spec: { type: document.type, purpose: document.mission.trim(), members: [] },
    },
    notes: [
      { path: ['metadata', 'title'], note: from('team') },
      { path: ['metadata', 'description'], note: from('waysOfWorking') },
      { path: ['spec', 'type'], note: from('type') },
      { path: ['spec', 'purpose'], note: from('mission') },
      { path: ['spec', 'members'], note: `${from('members')}; without roles, the first member facilitates` },
    ],
  };
  const anyFacilitator = document.members.some((m) => m.role === 'facilitator');
  document.members.forEach((member, i) => {
    const role = member.role ?? (!anyFacilitator && i === 0 ? 'facilitator' : 'member');
    appendItem(draft, ['spec', 'members'], {
      name: member.name,
      ...(member.email ? { email: member.email } : {}),
      roles: !anyFacilitator && i === 0 && role !== 'facilitator' ? ['facilitator', role] : [role],
    });
  });
  for (const service of document.services ?? []) {
    const offer: Offer = {
      name: celloName(service.name) ?? 'service',
      type: service.type,
      ...(service.description ? { description: service.description } : {}),
      ...(service.url ? { url: service.url } : {}),
      ...(service.events ? { events: service.events } : {}),
      ...(service.limits ? { limits: service.limits } : {}),
    };
    appendItem(draft, ['spec', 'offers'], offer, [{ path: ['name'], note: `${from('services')} "${service.name}"` }]);
  }
  return draft;
}

/** Each dependency → an expectation of the depending team, and a draft agreement when the service is known. */
function dependencies(teams: ReadonlyMap<string, Team>, target: ImportTarget, findings: Finding[]): ImportedManifest[] {
  const agreements: ImportedManifest[] = [];
  for (const [consumer, team] of teams) {
    (team.document.dependencies ?? []).forEach((dependency, i) => {
      const at = { file: team.source.file, ...team.source.locate(['dependencies', i]) };
      const provider = celloName(dependency.team);
      const known = provider !== undefined && (teams.has(provider) || target.existingCells.has(provider));
      const offers = provider
        ? (teams.get(provider)?.draft.manifest.spec.offers?.map((o) => o.name) ??
          target.existingCells.get(provider) ??
          [])
        : [];
      const offer = dependency.service ? celloName(dependency.service) : undefined;
      const offered = offer !== undefined && offers.includes(offer);
      if (!known) {
        findings.push(
          importFinding(
            'ref-unresolved',
            at,
            `${team.document.team} depends on "${dependency.team}", which is neither in the imported documents nor a cell in the folder; the expectation names no provider.`,
            `import ${dependency.team}'s Team API too, or fix the team name`,
            { kind: 'Team API', name: team.document.team },
          ),
        );
      } else if (offer && !offered) {
        findings.push(
          importFinding(
            'ref-unresolved',
            at,
            `${team.document.team} depends on service "${dependency.service}" of ${dependency.team}, which does not offer it; the expectation names no offer.`,
            `use one of ${provider}'s services: ${offers.join(', ') || '(none)'}`,
            { kind: 'Team API', name: team.document.team },
          ),
        );
      }
      const names = team.draft.manifest.spec.expectations?.map((e) => e.name) ?? [];
      let name = celloName(dependency.service ?? dependency.team) ?? 'dependency';
      for (let n = 2; names.includes(name); n++) name = `${name.slice(0, 60)}-${n}`;
      appendItem(
        team.draft,
        ['spec', 'expectations'],
        {
          name,
          description: dependency.purpose,
          ...(known ? { provider: `cell:${provider}` } : {}),
          ...(known && offered ? { offer } : {}),
        },
        [{ path: ['description'], note: `from ${display(team.source.file, target.cwd)}:${at.line} dependencies` }],
      );
      if (!known || !offered || provider === consumer) return;
      agreements.push(
        draftAgreement({
          provider: provider!,
          offer: offer!,
          consumer,
          ...(dependency.mode ? { mode: dependency.mode } : {}),
          ...(dependency.duration ? { duration: dependency.duration } : {}),
          source: `team-api ${team.document.team} dependencies`,
          header: team.draft.header,
        }),
      );
    });
  }
  return agreements;
}

/** Capitalized and ending in a full stop (or the question it already asks). */
function sentence(text: string): string {
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.?!]$/.test(capital) ? capital : `${capital}.`;
}

function teamLabel(value: unknown): { name?: string } {
  const team = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).team : undefined;
  return typeof team === 'string' ? { name: team } : {};
}

function display(file: string, cwd: string): string {
  return /^https?:/.test(file) ? file : path.relative(cwd, file).split(path.sep).join('/');
}
