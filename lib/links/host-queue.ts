/**
 * Schedules link checks politely: at most `perHost` requests in flight per host and `globalMax` in all, each URL
 * once per run (callers share the in-flight promise), 429 answers honoured by pausing and slowing that host down,
 * and a host that does not resolve or refuses connections is not asked again for its other URLs.
 *
 * One queue may serve many callers at once (the background shares one between tabs): each caller can give its own
 * cancel signal, and a job is dropped only when no caller is still waiting for it.
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
  /**
   * How long a settled result (and a host found unreachable) is reused for new callers. Default: for the queue's
   * whole life, i.e. a queue is one run. A queue shared for a long time sets this, so a later run asks again
   * (the link cache still answers for results worth keeping).
   */
  keepResultsMs?: number;
  /** How long a host stays slowed down (one request at a time) after a 429. Default: the queue's whole life. */
  slowDownMs?: number;
  /** A 429 asking to wait longer than this is not waited for: the link stays inconclusive. Default 60 s. */
  maxRetryAfterMs?: number;
  /** Wait after a 429 without Retry-After. Default 5 s. */
  defaultRateLimitWaitMs?: number;
  now?: () => number;
}

interface Job extends LinkJob {
  resolve: (r: LinkCheckResult) => void;
  rateLimitRetries: number;
  promise: Promise<LinkCheckResult>;
  /** Callers still waiting for this job; Infinity once a caller without a signal asked. */
  interest: number;
  phase: 'waiting' | 'running' | 'settled';
  /** Aborts this job's request only. */
  controller: AbortController;
  settledAt: number;
}

/** Per call of `checkAll`: this caller's cancel signal and a callback per settled link. */
export interface CheckAllOptions {
  signal?: AbortSignal;
  onResult?: (result: LinkCheckResult) => void;
}

interface HostState {
  active: number;
  limit: number;
  waiting: Job[];
  notBefore: number;
  /** When a 429 slowed this host down. */
  slowedAt: number;
  timer?: ReturnType<typeof setTimeout>;
  /** Set when the host itself is unreachable: its other URLs get the same answer without a request. */
  down?: LinkCheckResult;
}

/** Enqueuing yields to the event loop after this many jobs, so 10,000 links never block the worker. */
const CHUNK = 500;

export class LinkQueue {
  private readonly hosts = new Map<string, HostState>();
  private readonly jobs = new Map<string, Job>();
  private readonly controller = new AbortController();
  private active = 0;
  private done = 0;
  private total = 0;
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
    return { done: this.done, total: this.total };
  }

  /**
   * Checks a URL once per queue: a second call with the same (normalised) URL shares the first call's request.
   * With `signal`, this caller's promise settles as cancelled as soon as it aborts, and the request itself is
   * dropped (or aborted) when no other caller still waits for it.
   */
  enqueue(job: LinkJob, signal?: AbortSignal): Promise<LinkCheckResult> {
    const url = normalizeUrl(job.url);
    if (signal?.aborted) return Promise.resolve(this.cancelled(url));
    const item = this.reusable(url) ?? this.add(job, url);
    if (!signal) {
      item.interest = Number.POSITIVE_INFINITY;
      return item.promise;
    }
    item.interest++;
    return new Promise((resolve) => {
      const onAbort = () => {
        this.release(item);
        resolve(this.cancelled(url));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      void item.promise.then((r) => {
        signal.removeEventListener('abort', onAbort);
        resolve(r);
      });
    });
  }

  /** Enqueues many jobs in chunks (yielding between them) and waits for all; results by normalised URL. */
  async checkAll(jobs: readonly LinkJob[], options: CheckAllOptions = {}): Promise<Map<string, LinkCheckResult>> {
    const { signal, onResult } = options;
    const pending: Promise<LinkCheckResult>[] = [];
    for (let i = 0; i < jobs.length; i += CHUNK) {
      for (const job of jobs.slice(i, i + CHUNK)) {
        const p = this.enqueue(job, signal);
        pending.push(onResult ? p.then((r) => (onResult(r), r)) : p);
      }
      if (i + CHUNK < jobs.length) await new Promise((r) => setTimeout(r, 0));
    }
    const results = await Promise.all(pending);
    return new Map(results.map((r) => [r.url, r]));
  }

  /** Forgets settled results for these URLs (and that their hosts were down), so the next call asks again. */
  forget(urls: readonly string[]): void {
    for (const raw of urls) {
      const url = normalizeUrl(raw);
      const job = this.jobs.get(url);
      if (job?.phase === 'settled') this.jobs.delete(url);
      const host = this.hosts.get(hostOf(url));
      if (host) delete host.down;
    }
  }

  /** Stops the run: waiting jobs settle as cancelled at once, running requests are aborted. */
  cancel(): void {
    if (this.controller.signal.aborted) return;
    this.controller.abort();
    for (const host of this.hosts.values()) {
      if (host.timer) clearTimeout(host.timer);
      for (const job of host.waiting.splice(0)) this.settle(job, this.cancelled(job.url));
    }
    for (const job of this.jobs.values()) job.controller.abort();
  }

  /** The job already known for `url`, unless its result is older than `keepResultsMs` (then it is forgotten). */
  private reusable(url: string): Job | undefined {
    const job = this.jobs.get(url);
    if (!job) return undefined;
    const keep = this.options.keepResultsMs;
    if (job.phase === 'settled' && keep !== undefined && this.now() - job.settledAt >= keep) {
      this.jobs.delete(url);
      return undefined;
    }
    return job;
  }

  private add(job: LinkJob, url: string): Job {
    let resolve: (r: LinkCheckResult) => void = () => {};
    const promise = new Promise<LinkCheckResult>((r) => (resolve = r));
    const item: Job = {
      ...job, url, resolve, promise, rateLimitRetries: 0, interest: 0, phase: 'waiting', controller: new AbortController(), settledAt: 0,
    };
    this.jobs.set(url, item);
    this.total++;
    const host = this.hostState(hostOf(url));
    const down = this.stillDown(host);
    if (this.controller.signal.aborted) this.settle(item, this.cancelled(url));
    else if (down) this.settle(item, { ...down, url, finalUrl: url, attempts: 0, checkedAt: this.now() });
    else host.waiting.push(item);
    this.pump();
    return item;
  }

  /** Whether the host is known unreachable; also ends a slow-down that has lasted `slowDownMs`. */
  private stillDown(host: HostState): LinkCheckResult | undefined {
    const slow = this.options.slowDownMs;
    if (host.limit < this.perHost && slow !== undefined && this.now() - host.slowedAt >= slow) host.limit = this.perHost;
    const keep = this.options.keepResultsMs;
    if (host.down && keep !== undefined && this.now() - host.down.checkedAt >= keep) delete host.down;
    return host.down;
  }

  /** One caller stopped waiting: drop the job when it was the last one. */
  private release(job: Job): void {
    job.interest--;
    if (job.interest > 0 || job.phase === 'settled') return;
    if (job.phase === 'running') {
      job.controller.abort();
      return;
    }
    const host = this.hosts.get(hostOf(job.url));
    const at = host?.waiting.indexOf(job) ?? -1;
    if (host && at >= 0) host.waiting.splice(at, 1);
    this.settle(job, this.cancelled(job.url));
  }

  private hostState(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = { active: 0, limit: this.perHost, waiting: [], notBefore: 0, slowedAt: 0 };
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
    job.phase = 'running';
    this.options
      .check(job, job.controller.signal)
      .catch((e: unknown): LinkCheckResult => ({ ...this.cancelled(job.url), ...classification('network-error'), errorMessage: String(e) }))
      .then((result) => {
        host.active--;
        this.active--;
        this.finish(host, job, result);
        this.pump();
      });
  }

  private finish(host: HostState, job: Job, result: LinkCheckResult): void {
    if (result.reason === 'rate-limited' && !job.controller.signal.aborted) {
      // Slow the host down for the rest of the run, and give this URL one more chance after the wait.
      host.limit = 1;
      host.slowedAt = this.now();
      const wait = result.retryAfterMs ?? this.options.defaultRateLimitWaitMs ?? 5_000;
      host.notBefore = Math.max(host.notBefore, this.now() + wait);
      if (job.rateLimitRetries === 0 && wait <= (this.options.maxRetryAfterMs ?? 60_000)) {
        job.rateLimitRetries++;
        job.phase = 'waiting';
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
    job.phase = 'settled';
    job.settledAt = this.now();
    // A cancelled check says nothing about the link: the next caller asks again.
    if (result.reason === 'cancelled' && this.jobs.get(job.url) === job) this.jobs.delete(job.url);
    job.resolve(result);
    this.options.onProgress?.({ done: this.done, total: this.total, result });
  }

  private cancelled(url: string): LinkCheckResult {
    return { ...classification('cancelled'), url, finalUrl: url, chain: [], method: 'HEAD', attempts: 0, checkedAt: this.now() };
  }
}
