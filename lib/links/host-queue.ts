/**
 * Schedules link checks politely: at most `perHost` requests in flight per host and `globalMax` in all, each URL
 * once per run (callers share the in-flight promise), 429 answers honoured by pausing and slowing that host down,
 * and a host that does not resolve or refuses connections is not asked again for its other URLs.
 */
import { classification } from './classify-status';
import type { LinkExpectation } from './classify-status';
import type { LinkCheckResult } from './check-link';
import { hostOf, normalizeUrl } from './normalize-url';

/** One URL to check and how. */
export interface LinkJob {
  url: string;
  credentials: 'include' | 'omit';
  expect: LinkExpectation;
}

/** Checks one job; normally `checkLink` bound to a fetcher (and wrapped by the cache). */
export type LinkJobChecker = (job: LinkJob, signal: AbortSignal) => Promise<LinkCheckResult>;

export interface LinkProgress {
  done: number;
  total: number;
  result: LinkCheckResult;
}

export interface LinkQueueOptions {
  check: LinkJobChecker;
  /** Requests in flight per host. Default 4. */
  perHost?: number;
  /** Requests in flight in all. Default 12. */
  globalMax?: number;
  /** Cancels everything: waiting jobs settle as 'cancelled', running ones are aborted. */
  signal?: AbortSignal;
  onProgress?: (progress: LinkProgress) => void;
  /** A 429 asking to wait longer than this is not waited for: the link stays inconclusive. Default 60 s. */
  maxRetryAfterMs?: number;
  /** Wait after a 429 without Retry-After. Default 5 s. */
  defaultRateLimitWaitMs?: number;
  now?: () => number;
}

interface Job extends LinkJob {
  resolve: (r: LinkCheckResult) => void;
  rateLimitRetries: number;
}

interface HostState {
  active: number;
  limit: number;
  waiting: Job[];
  notBefore: number;
  timer?: ReturnType<typeof setTimeout>;
  /** Set when the host itself is unreachable: its other URLs get the same answer without a request. */
  down?: LinkCheckResult;
}

/** Enqueuing yields to the event loop after this many jobs, so 10,000 links never block the worker. */
const CHUNK = 500;

export class LinkQueue {
  private readonly hosts = new Map<string, HostState>();
  private readonly promises = new Map<string, Promise<LinkCheckResult>>();
  private readonly controller = new AbortController();
  private active = 0;
  private done = 0;
  private readonly perHost: number;
  private readonly globalMax: number;
  private readonly now: () => number;

  constructor(private readonly options: LinkQueueOptions) {
    this.perHost = options.perHost ?? 4;
    this.globalMax = options.globalMax ?? 12;
    this.now = options.now ?? Date.now;
    const outer = options.signal;
    if (outer?.aborted) this.cancel();
    else outer?.addEventListener('abort', () => this.cancel(), { once: true });
  }

  /** Unique URLs enqueued so far and how many are finished. */
  get progress(): { done: number; total: number } {
    return { done: this.done, total: this.promises.size };
  }

  /** Checks a URL once per queue: a second call with the same (normalised) URL gets the first call's promise. */
  enqueue(job: LinkJob): Promise<LinkCheckResult> {
    const url = normalizeUrl(job.url);
    const existing = this.promises.get(url);
    if (existing) return existing;
    let resolve: (r: LinkCheckResult) => void = () => {};
    const promise = new Promise<LinkCheckResult>((r) => (resolve = r));
    this.promises.set(url, promise);
    const item: Job = { ...job, url, resolve, rateLimitRetries: 0 };
    const host = this.hostState(hostOf(url));
    if (this.controller.signal.aborted) this.settle(item, this.cancelled(url));
    else if (host.down) this.settle(item, { ...host.down, url, finalUrl: url, attempts: 0, checkedAt: this.now() });
    else host.waiting.push(item);
    this.pump();
    return promise;
  }

  /** Enqueues many jobs in chunks (yielding between them) and waits for all; results by normalised URL. */
  async checkAll(jobs: readonly LinkJob[]): Promise<Map<string, LinkCheckResult>> {
    const pending: Promise<LinkCheckResult>[] = [];
    for (let i = 0; i < jobs.length; i += CHUNK) {
      for (const job of jobs.slice(i, i + CHUNK)) pending.push(this.enqueue(job));
      if (i + CHUNK < jobs.length) await new Promise((r) => setTimeout(r, 0));
    }
    const results = await Promise.all(pending);
    return new Map(results.map((r) => [r.url, r]));
  }

  /** Stops the run: waiting jobs settle as cancelled at once, running requests are aborted. */
  cancel(): void {
    if (this.controller.signal.aborted) return;
    this.controller.abort();
    for (const host of this.hosts.values()) {
      if (host.timer) clearTimeout(host.timer);
      for (const job of host.waiting.splice(0)) this.settle(job, this.cancelled(job.url));
    }
  }

  private hostState(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = { active: 0, limit: this.perHost, waiting: [], notBefore: 0 };
      this.hosts.set(host, state);
    }
    return state;
  }

  /** Starts jobs round-robin over hosts until the global cap or every host's limit is reached. */
  private pump(): void {
    if (this.controller.signal.aborted) return;
    const now = this.now();
    let started = true;
    while (started && this.active < this.globalMax) {
      started = false;
      for (const host of this.hosts.values()) {
        if (this.active >= this.globalMax) break;
        if (host.waiting.length === 0 || host.active >= host.limit) continue;
        if (now < host.notBefore) {
          this.wakeLater(host, host.notBefore - now);
          continue;
        }
        const job = host.waiting.shift();
        if (job) {
          this.start(host, job);
          started = true;
        }
      }
    }
  }

  private wakeLater(host: HostState, ms: number): void {
    if (host.timer) return;
    host.timer = setTimeout(() => {
      host.timer = undefined;
      this.pump();
    }, ms);
  }

  private start(host: HostState, job: Job): void {
    host.active++;
    this.active++;
    const signal = this.controller.signal;
    this.options
      .check(job, signal)
      .catch((e: unknown): LinkCheckResult => ({ ...this.cancelled(job.url), ...classification('network-error'), errorMessage: String(e) }))
      .then((result) => {
        host.active--;
        this.active--;
        this.finish(host, job, result);
        this.pump();
      });
  }

  private finish(host: HostState, job: Job, result: LinkCheckResult): void {
    if (result.reason === 'rate-limited' && !this.controller.signal.aborted) {
      // Slow the host down for the rest of the run, and give this URL one more chance after the wait.
      host.limit = 1;
      const wait = result.retryAfterMs ?? this.options.defaultRateLimitWaitMs ?? 5_000;
      host.notBefore = Math.max(host.notBefore, this.now() + wait);
      if (job.rateLimitRetries === 0 && wait <= (this.options.maxRetryAfterMs ?? 60_000)) {
        job.rateLimitRetries++;
        host.waiting.unshift(job);
        return;
      }
    }
    if (result.reason === 'name-not-resolved' || result.reason === 'connection-refused') {
      host.down ??= result;
      for (const other of host.waiting.splice(0)) {
        this.settle(other, { ...result, url: other.url, finalUrl: other.url, attempts: 0, checkedAt: this.now() });
      }
    }
    this.settle(job, result);
  }

  private settle(job: Job, result: LinkCheckResult): void {
    this.done++;
    job.resolve(result);
    this.options.onProgress?.({ done: this.done, total: this.promises.size, result });
  }

  private cancelled(url: string): LinkCheckResult {
    return { ...classification('cancelled'), url, finalUrl: url, chain: [], method: 'HEAD', attempts: 0, checkedAt: this.now() };
  }
}
