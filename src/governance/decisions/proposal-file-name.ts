import type { Manifest } from '../../model/index.js';

/** The file name of a proposed version: `agreement-payments-risk-v2.yaml`. */
export function proposalFileName(manifest: Manifest, version: number): string {
  return `${manifest.kind.toLowerCase()}-${manifest.metadata.name}-v${version}.yaml`;
}
