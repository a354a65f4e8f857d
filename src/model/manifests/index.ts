import type { TObject } from '@sinclair/typebox';
import { OrganizationManifest, type OrganizationSpec } from './organization.js';
import { DomainManifest, type DomainSpec } from './domain.js';
import { CellManifest, type CellSpec } from './cell.js';
import { AgreementManifest, type AgreementSpec } from './agreement.js';
import { GuardrailManifest, type GuardrailSpec } from './guardrail.js';
import { DecisionRightManifest, type DecisionRightSpec } from './decision-right.js';
import { TemplateManifest, type TemplateSpec } from './template.js';
import { WorkflowManifest, type WorkflowSpec } from './workflow.js';
import { SubscriptionManifest, type SubscriptionSpec } from './subscription.js';

export * from './common.js';
export * from './envelope.js';
export * from './organization.js';
export * from './domain.js';
export * from './cell.js';
export * from './agreement.js';
export * from './guardrail.js';
export * from './decision-right.js';
export * from './template.js';
export * from './workflow.js';
export * from './subscription.js';

export const MANIFEST_KINDS = [
  'Organization',
  'Domain',
  'Cell',
  'Agreement',
  'Guardrail',
  'DecisionRight',
  'Template',
  'Workflow',
  'Subscription',
] as const;
export type ManifestKind = (typeof MANIFEST_KINDS)[number];

/** One TypeBox schema per kind: validation, `cello schema` and OpenAPI all read these. */
export const MANIFEST_SCHEMAS: Record<ManifestKind, TObject> = {
  Organization: OrganizationManifest,
  Domain: DomainManifest,
  Cell: CellManifest,
  Agreement: AgreementManifest,
  Guardrail: GuardrailManifest,
  DecisionRight: DecisionRightManifest,
  Template: TemplateManifest,
  Workflow: WorkflowManifest,
  Subscription: SubscriptionManifest,
};

interface SpecByKind {
  Organization: OrganizationSpec;
  Domain: DomainSpec;
  Cell: CellSpec;
  Agreement: AgreementSpec;
  Guardrail: GuardrailSpec;
  DecisionRight: DecisionRightSpec;
  Template: TemplateSpec;
  Workflow: WorkflowSpec;
  Subscription: SubscriptionSpec;
}

export interface Metadata {
  name: string;
  title?: string;
  description?: string;
  labels?: Record<string, string>;
}

/** A validated manifest; discriminated on `kind`. */
export type Manifest = {
  [K in ManifestKind]: { apiVersion: 'cello/v1'; kind: K; metadata: Metadata; spec: SpecByKind[K] };
}[ManifestKind];

export type ManifestOf<K extends ManifestKind> = Extract<Manifest, { kind: K }>;

export function isManifestKind(value: unknown): value is ManifestKind {
  return typeof value === 'string' && (MANIFEST_KINDS as readonly string[]).includes(value);
}

/** The reference of a manifest: `cell:risk`. */
export function manifestRef(manifest: Pick<Manifest, 'kind' | 'metadata'>): string {
  return `${manifest.kind.toLowerCase()}:${manifest.metadata.name}`;
}
