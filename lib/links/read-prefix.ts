/**
 * What both `Fetcher`s (the browser's and node's) do with a response: keep the headers the checker reads and
 * at most the first bytes of the body, so a link check never downloads a whole page.
 */
import type { FetchResponse } from './fetcher';

const READ_HEADERS = ['content-type', 'content-length', 'retry-after', 'location'] as const;

/** The headers the checker reads, under their lower-case names; absent ones are left out. */
export function pickFetchHeaders(headers: Headers): FetchResponse['headers'] {
  const out: FetchResponse['headers'] = {};
  for (const name of READ_HEADERS) {
    const value = headers.get(name);
    if (value !== null) out[name] = value;
  }
  return out;
}

/**
 * Reads at most `max` bytes or for at most `waitMs`, then cancels the body; a body that breaks off gives what
 * arrived.
 */
export async function readBodyPrefix(res: Response, max: number, waitMs: number): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), waitMs)));
  try {
    while (size < max) {
      const next = await Promise.race([reader.read(), deadline]);
      if (next === 'late' || next.done) break;
      parts.push(next.value);
      size += next.value.byteLength;
    }
  } catch {
    // reset or abort mid-body: keep the prefix we have
  } finally {
    clearTimeout(timer);
    await reader.cancel().catch(() => undefined);
  }
  const out = new Uint8Array(Math.min(size, max));
  let offset = 0;
  for (const part of parts) {
    const take = Math.min(part.byteLength, out.byteLength - offset);
    out.set(part.subarray(0, take), offset);
    offset += take;
    if (offset >= out.byteLength) break;
  }
  return out;
}
