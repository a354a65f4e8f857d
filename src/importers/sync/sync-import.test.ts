import { mkdir, mkdtemp, readFile, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { validateFolder } from '../../manifests/index.js';
import { importCodeowners } from '../codeowners/import-codeowners.js';
import { importTeamApi } from '../team-api/import-team-api.js';
import { recordFile } from './import-record.js';
import { syncImport } from './sync-import.js';

let root: string;
let sources: string;
let out: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'cello-sync-'));
  sources = path.join(root, 'teams');
  out = path.join(root, 'org');
  await mkdir(sources);
});
afterEach(() => rm(root, { recursive: true, force: true }));

interface Team {
  team: string;
  mission: string;
  members?: { name: string }[];
  services?: { name: string; type: string }[];
}
const team = (t: Team) =>
  writeFile(
    path.join(sources, `${t.team.toLowerCase()}.yaml`),
    stringify({ type: 'stream-aligned', members: [{ name: 'Ana' }], ...t }),
  );
const teamApi = (dryRun = false) =>
  syncImport({ source: 'team-api', dir: out, cwd: root, dryRun, read: (target) => importTeamApi([sources], target) });
const read = (file: string) => readFile(path.join(out, file), 'utf8');
const edit = async (file: string, change: (text: string) => string) =>
  writeFile(path.join(out, file), change(await read(file)));

describe('importing again into a folder', () => {
  it('updates what the source changed, keeps what people changed, and lists what both changed as a conflict', async () => {
    await team({ team: 'Payments', mission: 'Move money.' });
    await team({ team: 'Risk', mission: 'Score risk.' });
    await teamApi();
    await edit('cells/payments.yaml', (t) =>
      t
        .replace('purpose: Move money.', 'purpose: Move money safely. # said better')
        .replace(
          'roles:\n        - facilitator',
          'roles:\n        - facilitator\n    - name: Bo\n      roles:\n        - member',
        ),
    );
    await team({
      team: 'Payments',
      mission: 'Move money on time.',
      services: [{ name: 'payment-events', type: 'event' }],
    });
    await team({ team: 'Risk', mission: 'Score the risk of every payment.' });

    const { plan } = await teamApi();
    expect(plan.changes.map((c) => [c.action, c.file, c.fields.map((f) => f.path)])).toEqual([
      ['update', 'cells/payments.yaml', ['spec.offers']],
      ['update', 'cells/risk.yaml', ['spec.purpose']],
    ]);
    expect(plan.conflicts).toEqual([
      {
        kind: 'Cell',
        name: 'payments',
        file: 'cells/payments.yaml',
        field: 'spec.purpose',
        base: 'Move money.',
        ours: 'Move money safely.',
        theirs: 'Move money on time.',
        message:
          'The folder changed this from "Move money." to "Move money safely.", and the source to "Move money on time."; the folder\'s value is kept.',
      },
    ]);
    const payments = await read('cells/payments.yaml');
    expect(payments).toContain('purpose: Move money safely. # said better');
    expect(parse(payments).spec.members).toEqual([
      { name: 'Ana', roles: ['facilitator'] },
      { name: 'Bo', roles: ['member'] },
    ]);
    expect(parse(payments).spec.offers).toEqual([{ name: 'payment-events', type: 'event' }]);
    expect(parse(await read('cells/risk.yaml')).spec.purpose).toBe('Score the risk of every payment.');

    // The record moved on: the same import again has nothing to do and nothing to report.
    const again = await teamApi();
    expect([again.plan.changes, again.plan.conflicts]).toEqual([[], []]);
    expect(again.plan.unchanged).toBe(3);
  });

  it('removes what the source dropped, unless people changed it since', async () => {
    await team({ team: 'Payments', mission: 'Move money.' });
    await team({ team: 'Risk', mission: 'Score risk.' });
    await team({ team: 'Fraud', mission: 'Stop fraud.' });
    await teamApi();
    await edit('cells/fraud.yaml', (t) => t.replace('Stop fraud.', 'Stop fraud early.'));
    await unlink(path.join(sources, 'risk.yaml'));
    await unlink(path.join(sources, 'fraud.yaml'));
    const { plan } = await teamApi();
    expect(plan.changes.map((c) => [c.action, c.name])).toEqual([['remove', 'risk']]);
    expect(plan.conflicts.map((c) => [c.name, c.message])).toEqual([
      [
        'fraud',
        'Cell "fraud" is no longer in the source, but was changed in the folder since the last import; it is kept.',
      ],
    ]);
    expect((await readdir(path.join(out, 'cells'))).sort()).toEqual(['fraud.yaml', 'payments.yaml']);
  });

  it('leaves removed what people removed, and says so when the source changed it since', async () => {
    await team({ team: 'Payments', mission: 'Move money.' });
    await team({ team: 'Risk', mission: 'Score risk.' });
    await teamApi();
    await unlink(path.join(out, 'cells/payments.yaml'));
    await unlink(path.join(out, 'cells/risk.yaml'));
    await team({ team: 'Risk', mission: 'Score all risk.' });
    const { plan } = await teamApi();
    expect(plan.changes).toEqual([]);
    expect(plan.conflicts.map((c) => [c.name, c.message])).toEqual([
      [
        'risk',
        'Cell "risk" was removed from the folder, but the source changed it since; it stays removed (add it back by hand to take the source\'s version).',
      ],
    ]);
    expect(await readdir(path.join(out, 'cells'))).toEqual([]);
  });

  it('plans without writing on a dry run', async () => {
    await team({ team: 'Payments', mission: 'Move money.' });
    const { plan } = await teamApi(true);
    expect(plan.changes.map((c) => [c.action, c.file])).toEqual([
      ['create', 'organization.yaml'],
      ['create', 'cells/payments.yaml'],
    ]);
    await expect(readdir(out)).rejects.toThrow(/ENOENT/);
  });

  it("withdraws what a source added to another source's cell when the source no longer says it", async () => {
    await team({ team: 'Payments', mission: 'Move money.' });
    await teamApi();
    const codeowners = path.join(root, 'CODEOWNERS');
    const importCodeownersFile = () =>
      syncImport({ source: 'codeowners', dir: out, cwd: root, read: (t) => importCodeowners(codeowners, t) });
    await writeFile(codeowners, '/payments/ @acme/payments\n/ledger/ @acme/payments\n');
    await importCodeownersFile();
    expect(parse(await read('cells/payments.yaml')).spec.domains).toEqual(['domain:payments', 'domain:ledger']);
    await edit('cells/payments.yaml', (t) =>
      t.replace('    - domain:ledger', '    - domain:ledger\n    - domain:mine'),
    );
    await writeFile(codeowners, '/ledger/ @acme/payments\n');
    const { plan } = await importCodeownersFile();
    expect(plan.changes.map((c) => [c.action, c.kind, c.name])).toEqual([
      ['update', 'Cell', 'payments'],
      ['remove', 'Domain', 'payments'],
    ]);
    expect(parse(await read('cells/payments.yaml')).spec.domains).toEqual(['domain:ledger', 'domain:mine']);
    await writeFile(codeowners, '');
    await importCodeownersFile();
    expect(parse(await read('cells/payments.yaml')).spec.domains).toEqual(['domain:mine']);
    expect(parse(await read('cells/payments.yaml')).spec.members).toEqual([{ name: 'Ana', roles: ['facilitator'] }]);
  });

  it('leaves alone a document that fails its schema, and never writes a merge that would fail it', async () => {
    await team({ team: 'Payments', mission: 'Move money.' });
    await team({ team: 'Risk', mission: 'Score risk.', members: [{ name: 'Ana' }, { name: 'Bo' }] });
    await teamApi();
    await edit('cells/payments.yaml', (t) => t.replace('type: stream-aligned', 'type: streamy'));
    await edit('cells/risk.yaml', (t) => t.replace(/ {4}- name: Bo[\s\S]*$/, ''));
    await team({ team: 'Payments', mission: 'Move more money.' });
    await team({ team: 'Risk', mission: 'Score risk.', members: [{ name: 'Bo' }] });
    const { plan } = await teamApi();
    expect(plan.changes).toEqual([]);
    expect(plan.conflicts.map((c) => `${c.name} ${c.field}: ${c.message.split(';')[0]!.split(' (')[0]}`)).toEqual([
      'payments : Cell "payments" in the folder does not pass its schema, so the import left it alone',
      'risk spec.members[0]: The folder removed this, and the source changed it from {"name":"Bo","roles":["member"]} to {"name":"Bo","roles":["facilitator"]}',
      'risk spec.members: Merging the source\'s changes into Cell "risk" would make it invalid',
    ]);
    expect(await read('cells/payments.yaml')).toContain('type: streamy');
    expect(parse(await read('cells/risk.yaml')).spec.members).toEqual([{ name: 'Ana', roles: ['facilitator'] }]);
  });

  it("keeps the folder's own Organization, and refuses a record it cannot read", async () => {
    await mkdir(out);
    await writeFile(
      path.join(out, 'org.yaml'),
      stringify({
        apiVersion: 'cello/v1',
        kind: 'Organization',
        metadata: { name: 'ours' },
        spec: {
          purpose: 'Ours.',
          criteria: [{ name: 'c', weight: 1 }],
          tensionTypes: [],
          review: { cadence: '0 14 * * 3' },
        },
      }),
    );
    await team({ team: 'Payments', mission: 'Move money.' });
    const { plan } = await teamApi();
    expect(plan.changes.map((c) => c.name)).toEqual(['payments']);
    expect(plan.findings).toEqual([]);
    expect((await validateFolder(out)).ok).toBe(true);
    await writeFile(recordFile(out, 'team-api'), '{"source": "team-api"}');
    await expect(teamApi()).rejects.toThrow(
      /team-api.json is not a record of a Cello import from team-api; restore it/,
    );
  });
});
