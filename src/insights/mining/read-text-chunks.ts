import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError, errorMessage } from '../../shared/index.js';

const CHUNK_BYTES = 1 << 20;

/** Whether the file starts with the gzip magic bytes (so `.xes.gz` works whatever its name says). */
async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** Explains a file-system error in a sentence that names the file. */
export function unreadableFile(file: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code === 'ENOENT'
      ? 'it does not exist'
      : code === 'EISDIR'
        ? 'it is a directory'
        : code === 'EACCES'
          ? 'permission was denied'
          : code?.startsWith('Z_')
            ? `it looks gzip-compressed but does not decompress (${errorMessage(error)})`
            : errorMessage(error);
  return new InputError(`Cannot read the event log ${file}: ${why}. Check the path and that the file is intact.`, {
    file,
  });
}

/**
 * Streams a file as UTF-8 text chunks (about 1 MiB each), gunzipping it when it is gzip-compressed.
 * Memory stays bounded by the chunk size; a leading byte-order mark is dropped.
 */
export async function* readTextChunks(file: string): AsyncGenerator<string> {
  let gzip: boolean;
  try {
    // Opening first surfaces a missing file here rather than as a stream error nobody listens to.
    gzip = await isGzip(file);
  } catch (error) {
    throw unreadableFile(file, error);
  }
  const raw = createReadStream(file, { highWaterMark: CHUNK_BYTES });
  let stream: Readable = raw;
  if (gzip) {
    const gunzip = createGunzip({ chunkSize: CHUNK_BYTES });
    raw.on('error', (error) => gunzip.destroy(error));
    stream = raw.pipe(gunzip);
  }
  stream.setEncoding('utf8');
  let first = true;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      if (first) {
        first = false;
        yield chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
      } else {
        yield chunk;
      }
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw unreadableFile(file, error);
  } finally {
    stream.destroy();
    raw.destroy();
  }
}
