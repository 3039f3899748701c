/**
 * Cache policy for link results, over a small storage interface (the background backs it with Dexie; tests with
 * a Map). Only answers that mean something are kept: a working link for a day, a dead one for an hour.
 * Inconclusive answers and network failures are never cached, so a bot wall or a bad minute is asked again.
 */
import type { LinkCheckResult } from './check-link';
import type { LinkJobChecker } from './host-queue';
import { normalizeUrl } from './normalize-url';

export interface CachedLinkEntry {
  /** Normalised URL (the key). */
  url: string;
  result: LinkCheckResult;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** What the cache needs from storage. Keys are normalised URLs. */
export interface LinkCacheStore {
  get(url: string): Promise<CachedLinkEntry | undefined>;
  put(entry: CachedLinkEntry): Promise<void>;
  delete(url: string): Promise<void>;
}

const HOUR = 3_600_000;
export const LINK_CACHE_TTL_MS = { ok: 24 * HOUR, redirect: 24 * HOUR, dead: HOUR } as const;

/** Reasons that are a property of the network path, not of the link: never cached. */
const NETWORK_REASONS = new Set<LinkCheckResult['reason']>(['name-not-resolved', 'connection-refused']);

/** How long a result may be reused, or undefined when it must not be cached. */
export function cacheTtlMs(result: LinkCheckResult): number | undefined {
  if (result.state === 'inconclusive' || NETWORK_REASONS.has(result.reason)) return undefined;
  return LINK_CACHE_TTL_MS[result.state];
}

export class LinkCache {
  constructor(
    private readonly store: LinkCacheStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** A still-valid cached result for `url`, marked `fromCache`; expired entries are removed. */
  async get(url: string): Promise<LinkCheckResult | undefined> {
    const key = normalizeUrl(url);
    const entry = await this.store.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      await this.store.delete(key);
      return undefined;
    }
    return { ...entry.result, fromCache: true };
  }

  /** Stores a result when the policy allows it; returns whether it was stored. */
  async put(result: LinkCheckResult): Promise<boolean> {
    const ttl = cacheTtlMs(result);
    if (ttl === undefined || result.fromCache) return false;
    const { fromCache: _drop, ...stored } = result;
    await this.store.put({ url: normalizeUrl(result.url), result: stored, expiresAt: this.now() + ttl });
    return true;
  }

  /** Forgets a URL (the side panel's 重新检查). */
  invalidate(url: string): Promise<void> {
    return this.store.delete(normalizeUrl(url));
  }

  /** Wraps a checker so it answers from the cache when it can and stores what it learns. */
  wrap(check: LinkJobChecker): LinkJobChecker {
    return async (job, signal) => {
      const hit = await this.get(job.url);
      if (hit) return hit;
      const result = await check(job, signal);
      await this.put(result);
      return result;
    };
  }
}
