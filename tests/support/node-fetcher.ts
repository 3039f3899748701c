/**
 * A `Fetcher` for node tests and benches: node's fetch with `redirect: 'manual'`, following redirects itself so
 * the chain is visible (the browser adapter gets it from webRequest instead). Node sends no cookies, so
 * `credentials` has no effect here.
 */
import type { FetchOutcome, Fetcher, FetchResponse, NetworkErrorCode, RedirectHop } from '../../lib/links/fetcher';
import { pickFetchHeaders, readBodyPrefix } from '../../lib/links/read-prefix';

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
      const response: FetchResponse = { ok: true, status: res.status, headers: pickFetchHeaders(res.headers), finalUrl: url, chain };
      if (req.method === 'GET') response.bodyPrefix = await readBodyPrefix(res, req.maxBodyBytes, req.maxBodyWaitMs);
      else await res.body?.cancel().catch(() => undefined);
      return response;
    }
  };
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
