import { Value } from '@sinclair/typebox/value';
import { MANIFEST_SCHEMAS, type Manifest } from '../../model/index.js';
import { InputError } from '../../shared/index.js';

type Segment = string | number;

/** Parses `spec.slos[0].within` into `['spec', 'slos', 0, 'within']`. */
export function parseFieldPath(path: string): Segment[] {
  const segments: Segment[] = [];
  const pattern = /([A-Za-z_][\w-]*)|\[(\d+)\]|\.|(.)/g;
  for (const match of path.matchAll(pattern)) {
    if (match[3] !== undefined) {
      throw new InputError(`"${path}" is not a field path; write it like spec.slos[0].within or spec.reviewDate.`, {
        field: 'set',
        value: path,
      });
    }
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
  }
  const editable =
    segments[0] === 'spec'
      ? segments.length > 1
      : segments[0] === 'metadata' && ['title', 'description', 'labels'].includes(String(segments[1]));
  if (!editable) {
    throw new InputError(
      `"${path}" cannot be changed by a decision; change fields under spec (or metadata.title, description, labels), never the kind or name.`,
      {
        field: 'set',
        value: path,
      },
    );
  }
  return segments;
}

/** A copy of `manifest` with the fields set and removed; throws when the result breaks the kind's schema. */
export function editManifest(
  manifest: Manifest,
  set: Readonly<Record<string, unknown>> = {},
  unset: readonly string[] = [],
): Manifest {
  const copy = structuredClone(manifest) as unknown as Record<string, unknown>;
  for (const [path, value] of Object.entries(set)) assign(copy, parseFieldPath(path), value, path);
  for (const path of unset) remove(copy, parseFieldPath(path), path);
  return checkManifest(copy as unknown as Manifest);
}

/** Validates a manifest against its kind's schema; the message lists what is wrong and where. */
export function checkManifest(manifest: Manifest): Manifest {
  const schema = MANIFEST_SCHEMAS[manifest.kind];
  const problems = [...Value.Errors(schema, manifest)].slice(0, 5).map((e) => `${e.path || '/'} ${e.message}`);
  if (problems.length > 0) {
    throw new InputError(
      `The changed ${manifest.kind} "${manifest.metadata.name}" would not be valid: ${problems.join('; ')}.`,
      { problems },
    );
  }
  return manifest;
}

function assign(root: Record<string, unknown>, segments: Segment[], value: unknown, path: string): void {
  let node: unknown = root;
  for (let i = 0; i < segments.length - 1; i++) {
    const key = segments[i]!;
    const container = node as Record<string | number, unknown>;
    if (container[key] === undefined) container[key] = typeof segments[i + 1] === 'number' ? [] : {};
    node = container[key];
    if (typeof node !== 'object' || node === null) {
      throw new InputError(`"${path}" goes through ${String(key)}, which is a plain value, not an object or list.`, {
        field: 'set',
        value: path,
      });
    }
  }
  const last = segments[segments.length - 1]!;
  if (typeof last === 'number' && Array.isArray(node) && last > node.length) {
    throw new InputError(
      `"${path}" skips list items: the list has ${node.length}; use index ${node.length} to append.`,
      { field: 'set', value: path },
    );
  }
  (node as Record<string | number, unknown>)[last] = value;
}

function remove(root: Record<string, unknown>, segments: Segment[], path: string): void {
  let node: unknown = root;
  for (const key of segments.slice(0, -1)) node = (node as Record<string | number, unknown> | undefined)?.[key];
  const last = segments[segments.length - 1]!;
  if (node === undefined || typeof node !== 'object' || node === null || !(last in node)) {
    throw new InputError(`"${path}" is not set, so it cannot be removed.`, { field: 'unset', value: path });
  }
  if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
  else delete (node as Record<string | number, unknown>)[last];
}
