/**
 * A small organization that validates clean, as inline YAML, and helpers that write variants of it to a
 * temporary folder and validate them. Each lint test breaks one thing and looks for one rule.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { validateFolder, type Finding } from '../../src/manifests/index.js';

export const NOW = new Date('2026-12-01T00:00:00Z');

export const BASE: Record<string, string> = {
  'organization.yaml': `apiVersion: cello/v1
kind: Organization
metadata:
  name: acme
spec:
  purpose: Acme finances equipment fairly.
  criteria:
    - name: customer-trust
      weight: 60
    - name: cost-to-serve
      weight: 40
  tensionTypes:
    - name: boundary
    - name: interface
  review:
    cadence: "0 14 * * 3"
`,
  'domains.yaml': `apiVersion: cello/v1
kind: Domain
metadata:
  name: risk-scoring
spec:
  purpose: Estimating default risk.
`,
  'cells.yaml': `apiVersion: cello/v1
kind: Cell
metadata:
  name: risk
spec:
  type: stream-aligned
  purpose: Score loans.
  members:
    - name: Amara
      roles: [facilitator]
  domains: [domain:risk-scoring]
  offers:
    - name: risk-signals
      type: event
      events:
        - type: com.acme.risk.score.changed
        - type: com.acme.risk.score.requested
      limits:
        rate: 10 events/s
---
apiVersion: cello/v1
kind: Cell
metadata:
  name: finance
spec:
  type: stream-aligned
  purpose: Decide credit.
  members:
    - name: Carlos
      roles: [facilitator, lead]
`,
  'agreements.yaml': `apiVersion: cello/v1
kind: Agreement
metadata:
  name: risk-for-finance
spec:
  provider: cell:risk
  offer: risk-signals
  consumer: cell:finance
  mode: x-as-a-service
  exitCriteria:
    - Finance stops deciding credit.
  slos:
    - name: fast
      objective: 0.95
      request: com.acme.risk.score.requested
      response: com.acme.risk.score.changed
      within: 5m
      window: 28d
`,
  'governance.yaml': `apiVersion: cello/v1
kind: DecisionRight
metadata:
  name: boundary
spec:
  tensionType: boundary
  decider: { cell: cell:risk }
  method: consent
  criteria: [customer-trust]
  forum: review
---
apiVersion: cello/v1
kind: DecisionRight
metadata:
  name: interface
spec:
  tensionType: interface
  decider: { cell: cell:finance }
  method: advice
  forum: async
`,
  'subscriptions.yaml': `apiVersion: cello/v1
kind: Subscription
metadata:
  name: finance-risk
spec:
  cell: cell:finance
  types: [com.acme.risk.score.changed]
  filter: event.data.score > 0.8
  actions:
    - webhook: { url: "http://127.0.0.1:4100/hooks/risk" }
`,
};

const roots: string[] = [];
afterAll(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** Writes files into a fresh temporary folder and returns it. */
export function writeFolder(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'cello-org-'));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return root;
}

/** BASE with some files replaced or added (an empty string removes a file). */
export function variant(changes: Record<string, string>): Record<string, string> {
  const files = { ...BASE, ...changes };
  for (const [name, text] of Object.entries(files)) if (text === '') delete files[name];
  return files;
}

/** BASE with one substring of one file replaced; fails loudly when the text is not there. */
export function edit(
  file: string,
  from: string,
  to: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const text = BASE[file];
  if (!text?.includes(from)) throw new Error(`fixture ${file} has no "${from}"`);
  return variant({ [file]: text.replace(from, to), ...extra });
}

/** Validates files; findings carry file names relative to the folder. */
export async function validate(
  files: Record<string, string>,
  now = NOW,
): Promise<{ findings: Finding[]; dir: string }> {
  const dir = writeFolder(files);
  const result = await validateFolder(dir, { now, asyncapi: false });
  return { dir, findings: result.findings.map((f) => ({ ...f, file: path.relative(dir, f.file) })) };
}

/** The findings of one rule. */
export async function findingsOf(ruleId: string, files: Record<string, string>, now = NOW): Promise<Finding[]> {
  return (await validate(files, now)).findings.filter((f) => f.ruleId === ruleId);
}
