import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../../manifests/index.js';
import type { ManifestOf, Member } from '../../model/index.js';
import { InputError } from '../../shared/index.js';
import { celloName } from '../cello-name.js';
import { IMPORT_LIMITS, type ImportLimits } from '../import-limits.js';
import type { ImportedManifest, ImportTarget, ManifestContribution, SourceImport } from '../imported-manifest.js';
import { SOURCE_LABEL, importedOrganization } from '../imported-organization.js';
import { importFinding } from '../import-rules.js';
import { appendItem, finishContribution, finishDraft, type ManifestDraft } from '../manifest-draft.js';
import { locationName, readSource, resolveInputs } from '../source-input.js';
import { contestedOwnership, type ContestedRule } from './codeowners-claims.js';
import { parseCodeowners, type CodeOwner, type CodeownersRule } from './parse-codeowners.js';

/** Where GitHub and GitLab look for the file in a repository, in their order. */
const LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

/**
 * Reads a CODEOWNERS file (or finds it in a repository folder) and maps it to manifests: each path pattern with
 * owners → a Domain; its one team owner → the cell owning it. A team that is already a cell in the folder gets
 * the domain added to its `spec.domains`; a new team becomes a cell when people are listed with it; a pattern
 * several teams own is the `domain-owner` finding at its line, and its domain is left without an owner.
 */
export async function importCodeowners(
  input: string,
  target: ImportTarget,
  limits: ImportLimits = IMPORT_LIMITS,
): Promise<SourceImport> {
  const [entry] = await resolveInputs([await findCodeowners(input, target.cwd)], target.cwd, [], limits);
  const file = locationName(entry!.location);
  const read = await readSource(entry!.location, limits);
  if ('problem' in read)
    throw new InputError(`${file} ${read.problem}; pass a readable CODEOWNERS file.`, { value: input });
  const display = /^https?:/.test(file) ? file : path.relative(target.cwd, file).split(path.sep).join('/');
  const parsed = parseCodeowners(file, read.text);
  const findings: Finding[] = [...parsed.findings];
  const rules = lastRulePerPattern(parsed.rules, file, findings).filter((r) => r.owners.length > 0);

  const header = (line: number) =>
    [
      `Imported by \`cello import codeowners\` from ${display}:${line}.`,
      'Importing again updates what CODEOWNERS changed and keeps what you changed here (.cello-import/codeowners.json).',
    ].join('\n');
  const domains: ManifestDraft<ManifestOf<'Domain'>>[] = [];
  const teams = new Map<string, { rules: CodeownersRule[]; domains: string[]; people: CodeOwner[] }>();
  const contested: ContestedRule[] = [];
  const taken = new Set<string>();
  for (const rule of rules) {
    const name = uniqueName(domainName(rule.pattern), taken);
    taken.add(name);
    domains.push({
      file: `domains/${name}.yaml`,
      header: header(rule.line),
      manifest: {
        apiVersion: 'cello/v1',
        kind: 'Domain',
        metadata: { name, labels: { [SOURCE_LABEL]: `codeowners ${rule.pattern}`.slice(0, 200) } },
        spec: { purpose: `The files matching ${rule.pattern} in the repository.` },
      },
      notes: [{ path: ['spec', 'purpose'], note: `from ${display}:${rule.line}` }],
    });
    const owning = rule.owners.filter((o) => o.kind === 'team');
    const people = rule.owners.filter((o) => o.kind !== 'team');
    if (owning.length === 0) {
      findings.push(
        importFinding(
          'owner-not-a-team',
          { file, line: rule.line, column: rule.owners[0]!.column },
          `Line ${rule.line}: ${rule.pattern} is owned by ${people.map((p) => p.text).join(', ')}, people rather than a team; domain ${name} was imported without an owner.`,
          `add the team that answers for ${rule.pattern} (@org/team) to the line, or add domain:${name} to that cell by hand`,
        ),
      );
      continue;
    }
    const cells = owning.map((o) => ({ cell: celloName(o.name)!, column: o.column }));
    if (new Set(cells.map((c) => c.cell)).size > 1) {
      contested.push({ rule, domain: name, cells });
      continue;
    }
    const team = teams.get(cells[0]!.cell) ?? { rules: [], domains: [], people: [] };
    team.rules.push(rule);
    team.domains.push(name);
    for (const person of people) if (!team.people.some((p) => p.name === person.name)) team.people.push(person);
    teams.set(cells[0]!.cell, team);
  }
  findings.push(...contestedOwnership(file, contested));

  const manifests: ImportedManifest[] = [];
  for (const [cell, team] of teams) {
    const owns = (draft: ManifestDraft) =>
      team.domains.forEach((domain, i) =>
        appendItem(draft, ['spec', 'domains'], `domain:${domain}`, [
          { path: [], note: `from ${display}:${team.rules[i]!.line}` },
        ]),
      );
    if (target.existingCells.has(cell)) {
      const draft: ManifestDraft<ManifestContribution> = {
        file: `cells/${cell}.yaml`,
        header: '',
        manifest: { apiVersion: 'cello/v1', kind: 'Cell', metadata: { name: cell }, spec: {} },
        notes: [],
      };
      owns(draft);
      manifests.push(finishContribution(draft));
      continue;
    }
    if (team.people.length === 0) {
      const first = team.rules[0]!;
      findings.push(
        importFinding(
          'team-without-members',
          { file, line: first.line, column: first.owners.find((o) => o.kind === 'team')!.column },
          `Team ${cell} owns ${team.rules.map((r) => `${r.pattern} (line ${r.line})`).join(', ')}, but the folder has no cell ${cell} and CODEOWNERS names none of its members; its domains were imported without an owner.`,
          `import the teams first (cello import backstage or team-api), or write cells/${cell}.yaml, then import CODEOWNERS again`,
        ),
      );
      continue;
    }
    const draft: ManifestDraft<ManifestOf<'Cell'>> = {
      file: `cells/${cell}.yaml`,
      header: header(team.rules[0]!.line),
      manifest: {
        apiVersion: 'cello/v1',
        kind: 'Cell',
        metadata: { name: cell, labels: { [SOURCE_LABEL]: `codeowners @${cell}` } },
        spec: {
          type: 'stream-aligned',
          purpose: `Answers for ${team.rules.map((r) => r.pattern).join(', ')} in the repository.`.slice(0, 2000),
          members: [],
        },
      },
      notes: [
        { path: ['spec', 'type'], note: 'assumed: CODEOWNERS has no team type; set the Team Topologies type' },
        { path: ['spec', 'purpose'], note: 'from the paths it owns in CODEOWNERS: write the purpose' },
        {
          path: ['spec', 'members'],
          note: 'from the people listed with the team in CODEOWNERS; the first facilitates until the cell decides otherwise',
        },
      ],
    };
    team.people.forEach((person, i) => {
      const member: Member = {
        name: person.kind === 'email' ? person.name.split('@')[0]! : person.name,
        ...(person.kind === 'email' ? { email: person.name } : {}),
        roles: i === 0 ? ['facilitator'] : ['member'],
      };
      appendItem(draft, ['spec', 'members'], member);
    });
    owns(draft);
    manifests.push(finishDraft(draft));
  }
  return {
    source: 'codeowners',
    manifests: [
      importedOrganization({
        name: target.organizationName,
        fallback: true,
        source: 'codeowners',
        header:
          'Written by `cello import codeowners`: CODEOWNERS says nothing about the organization, so everything here is a default.',
      }),
      ...domains.map(finishDraft),
      ...manifests,
    ],
    files: [],
    findings,
  };
}

/** The CODEOWNERS file itself, or the one in a repository folder (where GitHub and GitLab look for it). */
async function findCodeowners(input: string, cwd: string): Promise<string> {
  if (/^https?:\/\//i.test(input)) return input;
  const full = path.resolve(cwd, input);
  const info = await stat(full).catch(() => undefined);
  if (!info?.isDirectory()) return input;
  for (const candidate of LOCATIONS) {
    if ((await stat(path.join(full, candidate)).catch(() => undefined))?.isFile()) return path.join(full, candidate);
  }
  throw new InputError(
    `"${input}" is a folder without a CODEOWNERS file (looked in ${LOCATIONS.join(', ')}); pass the file itself.`,
    { value: input },
  );
}

/** CODEOWNERS applies the last matching line: a pattern given twice keeps its last line, the earlier is reported. */
function lastRulePerPattern(rules: CodeownersRule[], file: string, findings: Finding[]): CodeownersRule[] {
  const last = new Map<string, CodeownersRule>();
  for (const rule of rules) {
    const earlier = last.get(rule.pattern);
    if (earlier) {
      findings.push(
        importFinding(
          'codeowners-overridden',
          { file, line: earlier.line, column: earlier.column },
          `Line ${earlier.line}: pattern ${rule.pattern} is given again on line ${rule.line}, which wins; line ${earlier.line} has no effect.`,
          `delete line ${earlier.line}, or merge its owners into line ${rule.line}`,
        ),
      );
      last.delete(rule.pattern);
    }
    last.set(rule.pattern, rule);
  }
  return [...last.values()].sort((a, b) => a.line - b.line);
}

/** `/src/payments/**` → `src-payments`; `*.js` → `js-files`; `*` → `all-files`. */
function domainName(pattern: string): string {
  const extension = /^\*\.([A-Za-z0-9]+)$/.exec(pattern.replace(/^\/?(\*\*\/)?/, ''));
  if (extension) return celloName(extension[1]!, 'files')!;
  return celloName(pattern.replace(/\*+/g, ' ')) ?? 'all-files';
}

function uniqueName(name: string, taken: ReadonlySet<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name.slice(0, 60)}-${n}`;
  return candidate;
}
