/**
 * Plain data of a site crawl: its settings, what the injected fetch returns, what is recorded per page, and the
 * whole persisted state. Everything is JSON-safe, so the MV3 worker can store it and resume after being stopped.
 */
import type { SkipReason } from './crawl-rules';

export interface CrawlConfig {
  /** The home page; depth 0. */
  startUrl: string;
  /** Other hosts or URLs of the same site (old domains); www and bare host are always included. */
  aliases: string[];
  maxPages: number;
  maxDepth: number;
  /** Requests in flight per host (www and bare host count as one host). */
  perHostConcurrency: number;
  timeoutMs: number;
  /** At most this many URLs per URL pattern (digits and query values removed) for URLs with a query … */
  maxPerQueryPattern: number;
  /** … and for URLs without one (article pages share a pattern, so by default this is as large as the page budget). */
  maxPerPathPattern: number;
  /** This many network failures in a row mean the site went down: the crawl stops and can be resumed later. */
  maxConsecutiveFailures: number;
}

/** Defaults from the issue: 500 pages, depth 3, 4 per host, 15 s (the national “site unreachable” limit). */
export const DEFAULT_CRAWL_CONFIG: Omit<CrawlConfig, 'startUrl'> = {
  aliases: [],
  maxPages: 500,
  maxDepth: 3,
  perHostConcurrency: 4,
  timeoutMs: 15_000,
  maxPerQueryPattern: 20,
  maxPerPathPattern: 500,
  maxConsecutiveFailures: 8,
};

/** What the injected fetch returns: a page (after redirects) or a network error. */
export type CrawlFetchResult =
  | { status: number; finalUrl: string; html: string; contentType?: string }
  | { error: string };

/** Fetches one page. Must settle soon after `signal` aborts (timeout or cancel). */
export type CrawlFetch = (url: string, signal: AbortSignal) => Promise<CrawlFetchResult>;

/** A URL waiting to be fetched. */
export interface FrontierEntry {
  url: string;
  depth: number;
  /** The page it was found on ('' for seeds). */
  from: string;
}

/** What the crawl recorded about one fetched URL (the HTML itself goes to `onPage`, not into the state). */
export interface CrawledPageRecord {
  url: string;
  finalUrl: string;
  depth: number;
  from: string;
  /** HTTP status; 0 when the fetch failed. */
  status: number;
  /** Network error code or 'timeout'; absent on an HTTP answer. */
  error?: string;
  /** The answer came from another site (a redirect off the site): its links are not followed. */
  offsite?: boolean;
}

/** A fetched page handed to `onPage`. */
export interface CrawledPage extends CrawledPageRecord {
  html: string;
  contentType?: string;
}

export type CrawlStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'paused' | 'site-down';

export interface CrawlProgress {
  status: CrawlStatus;
  /** Pages fetched (answered or failed). */
  done: number;
  failed: number;
  inFlight: number;
  queued: number;
  /** URLs accepted so far (≤ maxPages). */
  accepted: number;
  skipped: Record<SkipReason, number>;
}

/** The crawl's whole state, from `CrawlQueue.toJSON()`. */
export interface CrawlState {
  format: 'gov-site-inspector.crawl';
  version: 1;
  config: CrawlConfig;
  status: CrawlStatus;
  /** Waiting URLs, including those in flight when the state was taken (they are fetched again on resume). */
  frontier: FrontierEntry[];
  /** Page keys already accepted (see `pageKey`). */
  seen: string[];
  patternCounts: Record<string, number>;
  pages: CrawledPageRecord[];
  skipped: Record<SkipReason, number>;
  consecutiveFailures: number;
}
