/**
 * The site crawl as a plain class: a breadth-first frontier within bounds (pages, depth, same site plus aliases),
 * trap and action filtering, a per-host scheduler with a request timeout, cancel, progress, and a state that
 * round-trips through JSON so the MV3 service worker can persist it and resume after being stopped.
 * The network is injected (`CrawlFetch`); so is what happens to each page (`onPage`).
 */
import { extractLinks } from './extract-links';
import { hasQuery, skipReasonOf, urlPattern, type SkipReason } from './crawl-rules';
import { inScope, pageKey, siteScope, stripSession, type SiteScope } from './site-url';
import {
  DEFAULT_CRAWL_CONFIG,
  type CrawlConfig,
  type CrawledPage,
  type CrawledPageRecord,
  type CrawlFetch,
  type CrawlProgress,
  type CrawlState,
  type CrawlStatus,
  type FrontierEntry,
} from './crawl-types';

export interface CrawlHooks {
  fetch: CrawlFetch;
  /**
   * Called once per fetched page (HTTP answers and failures alike). May return the page's links (e.g. read from a
   * DOM snapshot); otherwise links are read from the HTML of 2xx pages.
   */
  onPage?: (page: CrawledPage) => Promise<string[] | void> | string[] | void;
  /** Called after each page: the place to persist `toJSON()`. */
  onProgress?: (progress: CrawlProgress) => void;
}

/** What `add` did with a URL. */
export type AddResult = 'added' | 'seen' | SkipReason;

const NO_SKIPS = (): Record<SkipReason, number> => ({
  offsite: 0, 'non-page': 0, action: 0, search: 0, trap: 0, depth: 0, limit: 0, pattern: 0,
});

/** Host without “www.”, cached per frontier entry: the scheduler looks at waiting entries after every response. */
const hostKeys = new WeakMap<FrontierEntry, string>();
function hostKey(entry: FrontierEntry): string {
  let key = hostKeys.get(entry);
  if (key === undefined) {
    key = new URL(entry.url).host.replace(/^www\./, '');
    hostKeys.set(entry, key);
  }
  return key;
}

export class CrawlQueue {
  readonly config: CrawlConfig;
  private readonly scope: SiteScope;
  private status: CrawlStatus = 'idle';
  private frontier: FrontierEntry[] = [];
  private readonly seen = new Set<string>();
  private readonly patternCounts = new Map<string, number>();
  private readonly pages: CrawledPageRecord[] = [];
  private skipped = NO_SKIPS();
  private consecutiveFailures = 0;
  /** Requests whose page is not fully handled yet — fetching, or its links not added (persisted as frontier entries). */
  private readonly inFlight = new Map<AbortController, FrontierEntry>();
  /** Records of pages still in `onPage`: left out of `toJSON()`, since those pages are fetched again on resume. */
  private readonly processing = new Set<CrawledPageRecord>();
  /** Tasks still running (fetching, or handing the page to `onPage`): the run ends when none is left. */
  private active = 0;
  private readonly hostLoad = new Map<string, number>();
  private settle: ((status: CrawlStatus) => void) | undefined;

  /** A new crawl seeded with its start URL (defaults: `DEFAULT_CRAWL_CONFIG`). */
  constructor(config: Partial<CrawlConfig> & { startUrl: string }, seed = true) {
    this.config = { ...DEFAULT_CRAWL_CONFIG, ...config };
    this.scope = siteScope(this.config.startUrl, this.config.aliases);
    if (seed) this.add(this.config.startUrl, 0, '');
  }

  /** Restores a crawl from `toJSON()`; pages that were in flight are fetched again. */
  static fromJSON(state: CrawlState): CrawlQueue {
    if (state.format !== 'gov-site-inspector.crawl' || state.version !== 1) throw new Error('不是可识别的全站检查进度数据');
    const q = new CrawlQueue(state.config, false);
    q.status = state.status === 'running' ? 'paused' : state.status;
    q.frontier = state.frontier.map((e) => ({ ...e }));
    for (const key of state.seen) q.seen.add(key);
    for (const [k, v] of Object.entries(state.patternCounts)) q.patternCounts.set(k, v);
    q.pages.push(...state.pages.map((p) => ({ ...p })));
    q.skipped = { ...NO_SKIPS(), ...state.skipped };
    q.consecutiveFailures = state.consecutiveFailures;
    return q;
  }

  /** The whole state as JSON-safe data. */
  toJSON(): CrawlState {
    return {
      format: 'gov-site-inspector.crawl',
      version: 1,
      config: { ...this.config, aliases: [...this.config.aliases] },
      status: this.status,
      frontier: [...this.inFlight.values(), ...this.frontier].map((e) => ({ ...e })),
      seen: [...this.seen],
      patternCounts: Object.fromEntries(this.patternCounts),
      pages: this.pages.filter((p) => !this.processing.has(p)).map((p) => ({ ...p })),
      skipped: { ...this.skipped },
      consecutiveFailures: this.consecutiveFailures,
    };
  }

  /** Pages fetched so far, in the order they finished. */
  get records(): readonly CrawledPageRecord[] {
    return this.pages;
  }

  progress(): CrawlProgress {
    return {
      status: this.status,
      done: this.pages.length,
      failed: this.pages.filter((p) => p.error !== undefined || p.status >= 400).length,
      inFlight: this.active,
      queued: this.frontier.length,
      accepted: this.seen.size,
      skipped: { ...this.skipped },
    };
  }

  /** Offers a URL found at `depth` on page `from` (seeds: depth 0 or 1, from ''). */
  add(url: string, depth: number, from: string): AddResult {
    const clean = stripSession(url);
    const admitted = this.admit(clean, depth);
    if (typeof admitted === 'string') {
      if (admitted !== 'seen') this.skipped[admitted]++;
      return admitted;
    }
    const { key, pattern } = admitted;
    this.seen.add(key);
    this.patternCounts.set(pattern, (this.patternCounts.get(pattern) ?? 0) + 1);
    this.frontier.push({ url: clean, depth, from });
    return 'added';
  }

  /** Why `clean` is not followed, or its page key and URL pattern (each worked out once: every link passes here). */
  private admit(clean: string, depth: number): SkipReason | 'seen' | { key: string; pattern: string } {
    if (!clean) return 'non-page';
    if (!inScope(clean, this.scope)) return 'offsite';
    const key = pageKey(clean, this.scope);
    if (this.seen.has(key)) return 'seen';
    const rule = skipReasonOf(clean);
    if (rule) return rule;
    if (depth > this.config.maxDepth) return 'depth';
    if (this.seen.size >= this.config.maxPages) return 'limit';
    const pattern = urlPattern(key);
    const cap = hasQuery(key) ? this.config.maxPerQueryPattern : this.config.maxPerPathPattern;
    if ((this.patternCounts.get(pattern) ?? 0) >= cap) return 'pattern';
    return { key, pattern };
  }

  /** Runs until the frontier is empty, the crawl is cancelled or the site goes down. Resolves with the status. */
  run(hooks: CrawlHooks): Promise<CrawlStatus> {
    if (this.status === 'done' || this.status === 'running') return Promise.resolve(this.status);
    this.status = 'running';
    return new Promise((resolve) => {
      this.settle = resolve;
      this.pump(hooks);
    });
  }

  /** Stops scheduling and aborts requests in flight; they stay in the frontier, so a paused crawl can resume. */
  cancel(status: 'cancelled' | 'paused' = 'cancelled'): void {
    if (this.status !== 'running') return;
    this.status = status;
    for (const controller of this.inFlight.keys()) controller.abort();
  }

  private pump(hooks: CrawlHooks): void {
    if (this.status === 'running') {
      for (let next = this.takeNext(); next; next = this.takeNext()) this.launch(next, hooks);
      if (this.active === 0 && this.frontier.length === 0) this.status = 'done';
    }
    if (this.status !== 'running' && this.active === 0 && this.settle) {
      const settle = this.settle;
      this.settle = undefined;
      hooks.onProgress?.(this.progress());
      settle(this.status);
    }
  }

  /** The first waiting URL whose host has a free slot (breadth-first within each host). */
  private takeNext(): FrontierEntry | undefined {
    const full = new Set<string>();
    for (let i = 0; i < this.frontier.length; i++) {
      const entry = this.frontier[i]!;
      const host = hostKey(entry);
      if (full.has(host)) continue;
      if ((this.hostLoad.get(host) ?? 0) < this.config.perHostConcurrency) {
        this.frontier.splice(i, 1);
        return entry;
      }
      full.add(host);
    }
    return undefined;
  }

  private launch(entry: FrontierEntry, hooks: CrawlHooks): void {
    const controller = new AbortController();
    const host = hostKey(entry);
    this.inFlight.set(controller, entry);
    this.active++;
    this.hostLoad.set(host, (this.hostLoad.get(host) ?? 0) + 1);
    void this.fetchOne(entry, controller, hooks).finally(() => {
      this.inFlight.delete(controller);
      this.active--;
      this.hostLoad.set(host, (this.hostLoad.get(host) ?? 1) - 1);
      this.pump(hooks);
    });
  }

  private async fetchOne(entry: FrontierEntry, controller: AbortController, hooks: CrawlHooks): Promise<void> {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.config.timeoutMs);
    let result: Awaited<ReturnType<CrawlFetch>>;
    try {
      result = await hooks.fetch(entry.url, controller.signal);
    } catch (err) {
      result = { error: err instanceof Error ? err.message : String(err) };
    } finally {
      clearTimeout(timer);
    }
    if (this.status !== 'running') {
      // Cancelled or paused while in flight: keep the URL for a resumed run.
      this.inFlight.delete(controller);
      this.frontier.unshift(entry);
      return;
    }
    const base = { url: entry.url, depth: entry.depth, from: entry.from };
    if ('error' in result || timedOut) {
      const error = timedOut ? 'timeout' : 'error' in result ? result.error : 'timeout';
      const record: CrawledPageRecord = { ...base, finalUrl: entry.url, status: 0, error };
      this.pages.push(record);
      this.inFlight.delete(controller);
      await this.notify(hooks, { ...record, html: '' });
      this.countFailure();
      hooks.onProgress?.(this.progress());
      return;
    }
    this.consecutiveFailures = 0;
    const offsite = !inScope(result.finalUrl, this.scope);
    const record: CrawledPageRecord = { ...base, finalUrl: result.finalUrl, status: result.status };
    if (offsite) record.offsite = true;
    else this.seen.add(pageKey(result.finalUrl, this.scope));
    this.pages.push(record);
    const page: CrawledPage = { ...record, html: result.html };
    if (result.contentType !== undefined) page.contentType = result.contentType;
    // Until its links are added the page stays in flight, so a state taken meanwhile fetches it again on resume.
    this.processing.add(record);
    const given = await this.notify(hooks, page);
    if (!offsite && result.status < 400) {
      for (const link of given ?? extractLinks(result.html, result.finalUrl)) this.add(link, entry.depth + 1, result.finalUrl);
    }
    this.processing.delete(record);
    this.inFlight.delete(controller);
    hooks.onProgress?.(this.progress());
  }

  private async notify(hooks: CrawlHooks, page: CrawledPage): Promise<string[] | undefined> {
    try {
      const links = await hooks.onPage?.(page);
      return Array.isArray(links) ? links : undefined;
    } catch {
      // A page the handler cannot read must not stop the crawl; its links still come from the HTML.
      return undefined;
    }
  }

  /** A run of network failures means the site went down: stop, and put the failed URLs back for a later resume. */
  private countFailure(): void {
    this.consecutiveFailures++;
    if (this.consecutiveFailures < this.config.maxConsecutiveFailures) return;
    this.status = 'site-down';
    const streak = this.pages.splice(this.pages.length - this.consecutiveFailures, this.consecutiveFailures);
    this.frontier.unshift(...streak.map((p) => ({ url: p.url, depth: p.depth, from: p.from })));
    this.consecutiveFailures = 0;
    for (const controller of this.inFlight.keys()) controller.abort();
  }
}
