/**
 * The browser's implementation of lib/links' `Fetcher`: `fetch` follows redirects, and webRequest events tell what
 * fetch hides — each redirect hop and the network error name (unknown host, refused, certificate, loop).
 * Same-site requests carry the site's cookies as a click would; off-site requests carry none.
 */
import { browser } from 'wxt/browser';
import type { FetchOutcome, FetchRequest, Fetcher, RedirectHop } from '@/lib/links/fetcher';
import { networkErrorFromChrome } from '@/lib/links/net-error';
import { pickFetchHeaders, readBodyPrefix } from '@/lib/links/read-prefix';

interface Observation {
  startUrl: string;
  startedAt: number;
  chain: RedirectHop[];
  error?: string;
}

/** webRequest details, reduced to the fields read here (the polyfill's types differ between event kinds). */
interface RequestDetails {
  requestId: string;
  url: string;
  timeStamp: number;
  initiator?: string;
  statusCode?: number;
  redirectUrl?: string;
  error?: string;
}

const KEEP_MS = 60_000;
/** onErrorOccurred can arrive just after fetch rejects: wait this long for it. */
const ERROR_EVENT_GRACE_MS = 60;

/** Records what webRequest says about requests this extension makes (tabId -1, our origin). */
class RequestObserver {
  private readonly byId = new Map<string, Observation>();
  private started = false;

  start(): void {
    if (this.started || !browser.webRequest) return;
    this.started = true;
    const own = new URL(browser.runtime.getURL('/')).origin;
    const filter = { urls: ['<all_urls>'], tabId: -1 };
    const mine = (d: RequestDetails) => d.initiator === undefined || d.initiator === own;
    browser.webRequest.onBeforeRequest.addListener((raw) => {
      const d = raw as unknown as RequestDetails;
      if (!mine(d) || this.byId.has(d.requestId)) return undefined;
      this.byId.set(d.requestId, { startUrl: d.url, startedAt: d.timeStamp, chain: [] });
      this.prune(d.timeStamp);
      return undefined;
    }, filter);
    browser.webRequest.onBeforeRedirect.addListener((raw) => {
      const d = raw as unknown as RequestDetails;
      this.byId.get(d.requestId)?.chain.push({ url: d.url, status: d.statusCode ?? 0 });
    }, filter);
    browser.webRequest.onErrorOccurred.addListener((raw) => {
      const d = raw as unknown as RequestDetails;
      const o = this.byId.get(d.requestId);
      if (o) o.error = d.error;
    }, filter);
  }

  /** The newest observation of a request to `url` that started at or after `since`, removed from the record. */
  take(url: string, since: number): Observation | undefined {
    let found: [string, Observation] | undefined;
    for (const entry of this.byId) {
      if (entry[1].startUrl === url && entry[1].startedAt >= since - 5 && (!found || entry[1].startedAt > found[1].startedAt)) found = entry;
    }
    if (found) this.byId.delete(found[0]);
    return found?.[1];
  }

  private prune(now: number): void {
    for (const [id, o] of this.byId) if (now - o.startedAt > KEEP_MS) this.byId.delete(id);
  }
}

const observer = new RequestObserver();

function hasLoop(chain: RedirectHop[], last: string): boolean {
  const seen = new Set(chain.map((h) => h.url));
  return seen.size < chain.length || seen.has(last);
}

/** A Fetcher for the service worker and the offscreen document. Never throws. */
export function createBrowserFetcher(): Fetcher {
  observer.start();
  return async (req: FetchRequest): Promise<FetchOutcome> => {
    const since = Date.now();
    try {
      const response = await fetch(req.url, {
        method: req.method,
        credentials: req.credentials,
        redirect: 'follow',
        signal: req.signal,
        cache: 'no-store',
      });
      const seen = observer.take(req.url, since);
      const headers = pickFetchHeaders(response.headers);
      const bodyPrefix = req.method === 'GET' ? await readBodyPrefix(response, req.maxBodyBytes, req.maxBodyWaitMs) : undefined;
      if (req.method !== 'GET') response.body?.cancel().catch(() => undefined);
      const outcome: FetchOutcome = {
        ok: true,
        status: response.status,
        headers,
        finalUrl: response.url || req.url,
        chain: seen?.chain ?? [],
        redirected: response.redirected,
      };
      if (bodyPrefix) outcome.bodyPrefix = bodyPrefix;
      return outcome;
    } catch (error) {
      if (req.signal.aborted) return { ok: false, error: 'aborted', chain: [] };
      await new Promise((resolve) => setTimeout(resolve, ERROR_EVENT_GRACE_MS));
      const seen = observer.take(req.url, since);
      const name = seen?.error ?? (error instanceof Error ? error.message : String(error));
      const code = networkErrorFromChrome(name);
      const chain = seen?.chain ?? [];
      const failure: FetchOutcome = { ok: false, error: code, message: name, chain };
      if (code === 'too-many-redirects') failure.loop = hasLoop(chain, req.url);
      return failure;
    }
  };
}
