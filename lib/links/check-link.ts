/**
 * Checks one URL: HEAD first (GET for pages, see below), GET when HEAD is not believable, one retry with backoff
 * after a network error, a 5xx or a timeout. Never hangs: every request is raced against its own timeout and the
 * caller's cancel signal, whatever the fetcher does.
 */
import { classification, classifyOutcome } from './classify-status';
import type { Classification, LinkExpectation } from './classify-status';
import { decodePrefix, isHtmlType } from './page-head';
import type { FetchOutcome, Fetcher, RedirectHop } from './fetcher';

export interface LinkCheckResult extends Classification {
  /** The normalised URL that was checked (no fragment). */
  url: string;
  /** Where the link ends up after redirects (the URL itself when there were none or they are unknown). */
  finalUrl: string;
  chain: RedirectHop[];
  /** Method of the request that decided the state. */
  method: 'HEAD' | 'GET';
  /** Requests made for this result. */
  attempts: number;
  /** With 429: how long the server asked us to wait. */
  retryAfterMs?: number;
  /** The environment's error text for network failures. */
  errorMessage?: string;
  /** Epoch milliseconds. */
  checkedAt: number;
  /** Set when the result came from the link cache, not from a request in this run. */
  fromCache?: boolean;
}

export interface CheckLinkOptions {
  fetcher: Fetcher;
  credentials: 'include' | 'omit';
  expect: LinkExpectation;
  /** Per request. Default 15 s (the national indicators count a site as unreachable after 15 s). */
  timeoutMs?: number;
  /** Wait before the one retry. Default 1 s. */
  retryDelayMs?: number;
  /** Body bytes read by GET for soft-404 and challenge detection. Default 16 KB. */
  maxBodyBytes?: number;
  /** How long to wait for those bytes once the headers are in. Default 2 s. */
  maxBodyWaitMs?: number;
  signal?: AbortSignal;
  now?: () => number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_RETRY_DELAY_MS = 1_000;
const DEFAULT_MAX_BODY = 16 * 1024;
const DEFAULT_MAX_BODY_WAIT_MS = 2_000;
/** A Retry-After on a 5xx is honoured for the retry up to this long; longer ones are not waited for. */
const MAX_RETRY_AFTER_FOR_5XX_MS = 10_000;

/**
 * Checks `url` and classifies the answer.
 *
 * Why pages start with GET: a HEAD that says 200 cannot tell a real page from a soft 404 (“页面不存在” served with
 * 200), so every HTML page would need a GET anyway. One GET whose body is cancelled after 16 KB costs the server
 * no more than HEAD + GET and halves the requests. Images and files (attachments, which may be gigabytes) start
 * with HEAD and are fetched with GET only when HEAD is not believable.
 */
export async function checkLink(url: string, options: CheckLinkOptions): Promise<LinkCheckResult> {
  const now = options.now ?? Date.now;
  const firstMethod = options.expect === 'page' ? 'GET' : 'HEAD';
  let attempts = 0;
  const run = async (method: 'HEAD' | 'GET'): Promise<FetchOutcome> => {
    attempts++;
    return request(url, method, options);
  };

  let method: 'HEAD' | 'GET' = firstMethod;
  let outcome = await run(method);
  if (method === 'HEAD' && headNeedsGet(outcome, options.expect)) {
    method = 'GET';
    outcome = await run(method);
  }
  const wait = retryWait(outcome, options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS, now());
  if (wait !== undefined) {
    if (!(await sleep(wait, options.signal))) return finish(url, classification('cancelled'), outcome, method, attempts, now);
    method = 'GET';
    outcome = await run(method);
  }

  const body = outcome.ok && outcome.bodyPrefix ? decodePrefix(outcome.bodyPrefix, outcome.headers['content-type']) : undefined;
  const verdict = classifyOutcome({ requestUrl: url, outcome, expect: options.expect, body });
  const result = finish(url, verdict, outcome, method, attempts, now);
  if (verdict.reason === 'rate-limited' && outcome.ok) {
    const ms = parseRetryAfter(outcome.headers['retry-after'], now());
    if (ms !== undefined) result.retryAfterMs = ms;
  }
  return result;
}

function finish(
  url: string,
  verdict: Classification,
  outcome: FetchOutcome,
  method: 'HEAD' | 'GET',
  attempts: number,
  now: () => number,
): LinkCheckResult {
  const finalUrl = outcome.ok ? outcome.finalUrl || url : url;
  const result: LinkCheckResult = { ...verdict, url, finalUrl, chain: outcome.chain, method, attempts, checkedAt: now() };
  if (!outcome.ok && outcome.message) result.errorMessage = outcome.message;
  return result;
}

const GET_AFTER_HEAD_ERRORS = new Set(['name-not-resolved', 'connection-refused', 'connection-reset', 'other']);

/**
 * HEAD is not believable after a non-2xx, a network error, or an HTML answer where an image or file was expected.
 * A 429 is the exception: asking again at once would ignore the server's request to slow down.
 */
function headNeedsGet(outcome: FetchOutcome, expect: LinkExpectation): boolean {
  if (!outcome.ok) return GET_AFTER_HEAD_ERRORS.has(outcome.error);
  if (outcome.status === 429) return false;
  if (outcome.status < 200 || outcome.status >= 300) return true;
  return expect !== 'page' && isHtmlType(outcome.headers['content-type']);
}

/** How long to wait before the one retry, or undefined when a retry would not change the answer. */
function retryWait(outcome: FetchOutcome, baseDelay: number, nowMs: number): number | undefined {
  if (!outcome.ok) {
    const retryable = outcome.error !== 'cert' && outcome.error !== 'too-many-redirects' && outcome.error !== 'aborted';
    return retryable ? baseDelay : undefined;
  }
  // 521 is 加速乐's challenge, not a server fault: retrying without solving it gives the same answer.
  if (outcome.status >= 500 && outcome.status < 600 && outcome.status !== 521) {
    const asked = parseRetryAfter(outcome.headers['retry-after'], nowMs);
    return asked !== undefined && asked <= MAX_RETRY_AFTER_FOR_5XX_MS ? Math.max(asked, baseDelay) : baseDelay;
  }
  if (outcome.status === 408) return baseDelay;
  return undefined;
}

async function request(url: string, method: 'HEAD' | 'GET', options: CheckLinkOptions): Promise<FetchOutcome> {
  const outer = options.signal;
  if (outer?.aborted) return { ok: false, error: 'aborted', chain: [] };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  let why: 'timeout' | 'aborted' | undefined;
  let settle: (o: FetchOutcome) => void = () => {};
  const stopped = new Promise<FetchOutcome>((resolve) => (settle = resolve));
  const stop = (reason: 'timeout' | 'aborted') => {
    why ??= reason;
    controller.abort();
    settle({ ok: false, error: reason, chain: [] });
  };
  const timer = setTimeout(() => stop('timeout'), timeoutMs);
  const onOuterAbort = () => stop('aborted');
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  try {
    const fetched = options
      .fetcher({
        url,
        method,
        credentials: options.credentials,
        signal: controller.signal,
        timeoutMs,
        maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY,
        // A trickling body must leave the request time to answer before its own timeout.
        maxBodyWaitMs: Math.min(options.maxBodyWaitMs ?? DEFAULT_MAX_BODY_WAIT_MS, timeoutMs / 2),
      })
      .catch((e: unknown): FetchOutcome => ({ ok: false, error: 'other', message: String(e), chain: [] }));
    const outcome = await Promise.race([fetched, stopped]);
    // The checker knows why it aborted; the fetcher's own code for an aborted request is not trusted.
    if (why !== undefined && !outcome.ok) return { ok: false, error: why, chain: outcome.chain };
    return outcome;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuterAbort);
  }
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Retry-After as milliseconds from `now`: delta-seconds or an HTTP date. Undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
