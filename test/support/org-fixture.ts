/**
 * A small organization written to a temp folder: two cells (risk publishes scores, finance subscribes
 * to high ones through a webhook), with everything lint expects. Tests pass the webhook URL in.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface OrgFixtureOptions {
  webhookUrl: string;
  /** Extra YAML documents appended to the folder. */
  extra?: string;
  maxAttempts?: number;
}

export function writeSignalsOrg(options: OrgFixtureOptions): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cello-org-'));
  const files: Record<string, string> = {
    'organization.yaml': `apiVersion: cello/v1
kind: Organization
metadata: { name: acme }
spec:
  purpose: Lend responsibly and fast, on real-time signals.
  criteria:
    - { name: customer-impact, weight: 3 }
    - { name: risk, weight: 2 }
  tensionTypes:
    - { name: boundary }
    - { name: interface }
  review: { cadence: "0 14 * * 3" }
---
apiVersion: cello/v1
kind: DecisionRight
metadata: { name: boundary }
spec: { tensionType: boundary, decider: { cell: "cell:finance", role: facilitator }, method: consent, forum: review, asyncTimeout: 72h }
---
apiVersion: cello/v1
kind: DecisionRight
metadata: { name: interface }
spec: { tensionType: interface, decider: { cell: "cell:risk" }, method: owner, forum: async }
`,
    'domains.yaml': `apiVersion: cello/v1
kind: Domain
metadata: { name: risk-scoring }
spec: { purpose: Scoring the risk of loans. }
---
apiVersion: cello/v1
kind: Domain
metadata: { name: lending }
spec: { purpose: Approving and booking loans. }
`,
    'cells.yaml': `apiVersion: cello/v1
kind: Cell
metadata: { name: risk }
spec:
  type: complicated-subsystem
  purpose: Score every loan's risk in real time.
  members: [{ name: Ana, roles: [facilitator] }, { name: Raj, roles: [member] }]
  domains: ["domain:risk-scoring"]
  offers:
    - name: risk-signals
      type: event
      events:
        - type: com.acme.risk.score.changed
          schema:
            type: object
            required: [score]
            properties: { score: { type: number, minimum: 0, maximum: 1 } }
      limits: { rate: 500 events/s, hours: "24/7" }
---
apiVersion: cello/v1
kind: Cell
metadata: { name: finance }
spec:
  type: stream-aligned
  purpose: Approve credit quickly within risk appetite.
  members: [{ name: Bo, roles: [facilitator] }]
  domains: ["domain:lending"]
  offers:
    - name: credit-decisions
      type: event
      events: [{ type: com.acme.finance.credit.decided }]
      limits: { capacity: 2000 decisions/day }
---
apiVersion: cello/v1
kind: Agreement
metadata: { name: risk-signals-for-finance }
spec:
  provider: "cell:risk"
  offer: risk-signals
  consumer: "cell:finance"
  mode: x-as-a-service
  exitCriteria: [Finance no longer prices by risk.]
  slos:
    - { name: fresh, objective: 0.95, request: com.acme.risk.score.changed, response: com.acme.finance.credit.decided, within: 4h, window: 28d }
  reviewDate: "2030-01-01"
---
apiVersion: cello/v1
kind: Subscription
metadata: { name: finance-high-risk }
spec:
  cell: "cell:finance"
  types: [com.acme.risk.*]
  filter: event.data.score > 0.8 && event.subject.startsWith("loan-")
  actions: [{ webhook: { url: "${options.webhookUrl}" } }]
  delivery: { maxAttempts: ${options.maxAttempts ?? 8} }
`,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  if (options.extra) writeFileSync(path.join(dir, 'extra.yaml'), options.extra);
  return dir;
}
