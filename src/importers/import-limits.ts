import { FOLDER_LIMITS } from '../manifests/index.js';

/** How much an import reads: bounded, so a wrong URL or a Location loop cannot exhaust memory or wait forever. */
export interface ImportLimits {
  /** Bytes one file or URL may hold (as for a manifest file). */
  maxBytes: number;
  /** Files and URLs one import reads, Location targets included. */
  maxFiles: number;
  /** Milliseconds one URL may take, from the request to the last byte. */
  fetchTimeoutMs: number;
}

export const IMPORT_LIMITS: ImportLimits = {
  maxBytes: FOLDER_LIMITS.maxFileBytes,
  maxFiles: FOLDER_LIMITS.maxFiles,
  fetchTimeoutMs: 10_000,
};
