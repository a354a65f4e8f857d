import type { Finding } from './finding.js';
import { open } from 'node:fs/promises';

/** What one organization folder may hold: enough for hundreds of teams, small enough to read in well under a second. */
export const FOLDER_LIMITS = {
  /** A manifest file or an AsyncAPI document; YAML parsing needs about 25 times the file size in memory. */
  maxFileBytes: 2 * 1024 * 1024,
  /** YAML files in the folder and its subfolders. */
  maxFiles: 5_000,
} as const;

/** The text of a file, or `tooLarge` (with the size) when it holds more than `maxBytes`: never reads past the limit. */
export async function readBoundedText(
  file: string,
  maxBytes: number = FOLDER_LIMITS.maxFileBytes,
): Promise<{ text: string } | { tooLarge: number }> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) return { tooLarge: size };
    // Read one byte more than allowed: a file that grew since stat() is caught too.
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) return { tooLarge: length };
    }
    return { text: buffer.toString('utf8', 0, length) };
  } finally {
    await handle.close();
  }
}

/** `63.0 MiB`, `1.5 KiB`: a size people read at a glance (binary units, as the limits are set). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KiB'] : [bytes / (1024 * 1024), 'MiB'];
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}

/** A finding for a file over {@link FOLDER_LIMITS.maxFileBytes}, which is not parsed at all. */
export function fileTooLarge(file: string, size: number): Finding {
  return {
    ruleId: 'file-too-large',
    severity: 'error',
    file,
    line: 0,
    column: 0,
    message: `This file is ${formatBytes(size)}, over the ${formatBytes(FOLDER_LIMITS.maxFileBytes)} a manifest or AsyncAPI file may hold; it was not read.`,
    hint: 'split it (one file per manifest is usual), or move data that is not a manifest out of the folder',
  };
}
