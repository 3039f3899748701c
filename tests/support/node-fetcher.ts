/**
 * A `Fetcher` for node tests and benches: node's fetch with `redirect: 'manual'`, following redirects itself so
 * the chain is visible (the browser adapter gets it from webRequest instead). Node sends no cookies, so
 * `credentials` has no effect here.
 */
import type { FetchOutcome, Fetcher, FetchResponse, NetworkErrorCode, RedirectHop } from '../../lib/links/fetcher';

export interface NodeFetcherOptions {
  /** Redirects followed before giving up with 'too-many-redirects'. Default 10. */
  maxRedirects?: number;
  /** Called once per HTTP request actually sent (tests count requests with it). */
  onRequest?: (method: string, url: string) => void;
}

/** Creates a fetcher over node's global fetch. */
export function createNodeFetcher(options: NodeFetcherOptions = {}): Fetcher {
  const maxRedirects = options.maxRedirects ?? 10;
  return async (req): Promise<FetchOutcome> => {
    const chain: RedirectHop[] = [];
    const visited = new Set<string>();
    let url = req.url;
    for (;;) {
      let res: Response;
      try {
        options.onRequest?.(req.method, url);
        res = await fetch(url, { method: req.method, redirect: 'manual', signal: req.signal });
      } catch (e) {
        return { ok: false, error: errorCode(e), message: errorText(e), chain };
      }
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && res.status !== 304 && location) {
        await res.body?.cancel().catch(() => undefined);
        chain.push({ url, status: res.status });
        visited.add(url);
        let next: string;
        try {
          next = new URL(location, url).href;
        } catch {
          return { ok: false, error: 'other', message: `bad Location: ${location}`, chain };
        }
        if (visited.has(next)) return { ok: false, error: 'too-many-redirects', loop: true, chain };
        if (chain.length >= maxRedirects) return { ok: false, error: 'too-many-redirects', chain };
        url = next;
        continue;
      }
      const response: FetchResponse = { ok: true, status: res.status, headers: pickHeaders(res.headers), finalUrl: url, chain };
      if (req.method === 'GET') response.bodyPrefix = await readPrefix(res, req.maxBodyBytes, req.maxBodyWaitMs);
      else await res.body?.cancel().catch(() => undefined);
      return response;
    }
  };
}

function pickHeaders(headers: Headers): FetchResponse['headers'] {
  const out: FetchResponse['headers'] = {};
  for (const name of ['content-type', 'content-length', 'retry-after', 'location'] as const) {
    const value = headers.get(name);
    if (value !== null) out[name] = value;
  }
  return out;
}

/**
 * Reads at most `max` bytes or for at most `waitMs`, then cancels the body; a body that breaks off gives what
 * arrived.
 */
async function readPrefix(res: Response, max: number, waitMs: number): Promise<Uint8Array> {
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

function causeCode(e: unknown): string {
  const cause = (e as { cause?: { code?: unknown } } | undefined)?.cause;
  const code = cause?.code ?? (e as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : '';
}

function errorCode(e: unknown): NetworkErrorCode {
  if ((e as { name?: string } | undefined)?.name === 'AbortError') return 'aborted';
  const code = causeCode(e);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return 'name-not-resolved';
  if (code === 'ECONNREFUSED') return 'connection-refused';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET') return 'connection-reset';
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT') return 'timeout';
  if (/CERT|SELF_SIGNED|ERR_TLS|UNABLE_TO_VERIFY/.test(code)) return 'cert';
  return 'other';
}

function errorText(e: unknown): string {
  const code = causeCode(e);
  const message = e instanceof Error ? e.message : String(e);
  return code ? `${code}: ${message}` : message;
}
