/** A Backstage entity reference, `[kind:][namespace/]name`, with kind and namespace filled in. */
export interface EntityRef {
  /** Lower-case, as refs compare: `group`. */
  kind: string;
  namespace: string;
  name: string;
}

/**
 * Parses `group:default/team-a`, `default/team-a` or `team-a`; a missing kind or namespace comes from `defaults`
 * (Backstage fills them in from the field and from the referring entity). `undefined` when it is not a
 * reference: not a string, empty parts, or no kind where the field has no default.
 */
export function parseEntityRef(text: unknown, defaults: { kind?: string; namespace: string }): EntityRef | undefined {
  if (typeof text !== 'string' || !text.trim()) return undefined;
  const match = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/.exec(text.trim());
  if (!match) return undefined;
  const [, kind = defaults.kind, namespace = defaults.namespace, name] = match;
  if (!kind || !name) return undefined;
  return { kind: kind.toLowerCase(), namespace: namespace.toLowerCase(), name };
}

/** The one string form entity refs compare in: `group:default/team-a`, lower-case as Backstage compares them. */
export function formatEntityRef(ref: EntityRef): string {
  return `${ref.kind}:${ref.namespace}/${ref.name}`.toLowerCase();
}
