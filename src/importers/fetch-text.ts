import { formatBytes } from '../manifests/index.js';
import type { ImportLimits } from './import-limits.js';

/**
 * The text at an http(s) URL, read within the size and time limits; `problem` says, as a sentence fragment,
 * why there is none (another scheme, an HTTP error status, too large, too slow, unreachable).
 */
export async function fetchText(
  url: URL,
  limits: Pick<ImportLimits, 'maxBytes' | 'fetchTimeoutMs'>,
): Promise<{ text: string } | { problem: string }> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { problem: `uses ${url.protocol.slice(0, -1)}:, and only http and https URLs are read` };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.fetchTimeoutMs);
  try {
    const response = await fetch(url, { signal: controller.signal, redirect: 'follow' });
    if (!response.ok) return { problem: `answered HTTP ${response.status} ${response.statusText}`.trim() };
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declared > limits.maxBytes) {
      await response.body?.cancel();
      return {
        problem: `holds ${formatBytes(declared)}, over the ${formatBytes(limits.maxBytes)} one source may hold`,
      };
    }
    const chunks: Uint8Array[] = [];
    let length = 0;
    const reader = response.body?.getReader();
    for (let read = await reader?.read(); read && !read.done; read = await reader!.read()) {
      length += read.value.byteLength;
      if (length > limits.maxBytes) {
        await reader!.cancel();
        return { problem: `sent more than the ${formatBytes(limits.maxBytes)} one source may hold` };
      }
      chunks.push(read.value);
    }
    return { text: Buffer.concat(chunks).toString('utf8') };
  } catch (error) {
    if (controller.signal.aborted)
      return { problem: `did not answer in full within ${limits.fetchTimeoutMs / 1000} s` };
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    return { problem: `could not be reached (${cause})` };
  } finally {
    clearTimeout(timer);
  }
}
