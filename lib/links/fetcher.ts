/**
 * The one network primitive the link checker needs. The background service worker implements it with `fetch` plus
 * webRequest events (redirect chain, error codes); node tests and benches use `tests/support/node-fetcher.ts`.
 * Keeping the checker behind this interface is what makes it testable without a network.
 */

/** Network failures, as far as the environment can tell them apart. */
export type NetworkErrorCode =
  | 'name-not-resolved'
  | 'connection-refused'
  | 'connection-reset'
  | 'timeout'
  | 'cert'
  | 'too-many-redirects'
  | 'aborted'
  | 'other';

export interface FetchRequest {
  url: string;
  method: 'HEAD' | 'GET';
  /** 'include' for the page's own site (the inspector's cookies pass bot walls), 'omit' off-site. */
  credentials: 'include' | 'omit';
  /**
   * Aborted by the checker on timeout or cancel. The fetcher must settle promptly after an abort; the error code
   * it returns then is ignored because the checker knows why it aborted.
   */
  signal: AbortSignal;
  /** For information (e.g. to size a webRequest listener); the checker enforces the timeout itself. */
  timeoutMs: number;
  /** GET only: read at most this many body bytes, then cancel the body. Never download more. */
  maxBodyBytes: number;
  /**
   * GET only: once the headers are in, wait at most this long for body bytes, then return the prefix read so far.
   * A page that trickles its body (live tickers) must not turn into a timeout.
   */
  maxBodyWaitMs: number;
}

/** One redirect response on the way to the final answer. */
export interface RedirectHop {
  url: string;
  status: number;
}

export interface FetchResponse {
  ok: true;
  /** Status of the final response (after redirects). */
  status: number;
  /** Lower-case header names; only those the checker reads need to be present. */
  headers: {
    'content-type'?: string;
    'content-length'?: string;
    'retry-after'?: string;
    location?: string;
  };
  /** URL of the final response. */
  finalUrl: string;
  /** Redirects followed before the final response, in order (the request URL first). Empty when none or unknown. */
  chain: RedirectHop[];
  /** True when the environment saw a redirect but not its hops (plain `fetch` without webRequest). */
  redirected?: boolean;
  /** GET only: the first bytes of the body (at most `maxBodyBytes`), possibly fewer if the body ended or broke. */
  bodyPrefix?: Uint8Array;
}

export interface FetchFailure {
  ok: false;
  error: NetworkErrorCode;
  /** The environment's own error text, for the tooltip (e.g. net::ERR_NAME_NOT_RESOLVED). */
  message?: string;
  /** Redirects followed before the failure, when known. */
  chain: RedirectHop[];
  /** With 'too-many-redirects': the chain came back to a URL it had already visited. */
  loop?: boolean;
}

export type FetchOutcome = FetchResponse | FetchFailure;

/** Performs one request. Must not throw: every failure is a `FetchFailure`. */
export type Fetcher = (request: FetchRequest) => Promise<FetchOutcome>;
