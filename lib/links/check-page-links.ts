/**
 * The whole link check of one page: collect, request through a queue that pages may share (so a URL linked
 * from many pages is requested once), and turn the answers into findings.
 */
import { linkResultFindings, localLinkFindings } from '../checks/link';
import type { CheckResult } from '../checks/types';
import type { PageSnapshot } from '../scan/snapshot-types';
import { checkLink } from './check-link';
import type { CheckLinkOptions, LinkCheckResult } from './check-link';
import { collectLinks } from './collect-links';
import type { CollectedLinks } from './collect-links';
import type { Fetcher } from './fetcher';
import type { CheckAllOptions, LinkJobChecker, LinkQueue } from './host-queue';
import type { LinkCache } from './link-cache';

export interface PageLinkReport {
  pageUrl: string;
  collected: CollectedLinks;
  /** By normalised target URL. */
  results: Map<string, LinkCheckResult>;
  findings: CheckResult[];
}

export interface PageLinkOptions extends CheckAllOptions {
  queue: LinkQueue;
  /** Hosts of the site (see `siteHostsOf`); default: each page's own host. */
  siteHosts?: readonly string[];
  /** Called once the page's links are collected, before any request (to show the total at once). */
  onCollected?: (collected: CollectedLinks) => void;
}

/** Checks every link of one page; same-site targets go with the browser's credentials, off-site ones without. */
export async function checkPageLinks(snapshot: PageSnapshot, options: PageLinkOptions): Promise<PageLinkReport> {
  const collected = collectLinks(snapshot, options.siteHosts ? { siteHosts: options.siteHosts } : {});
  options.onCollected?.(collected);
  const { signal, onResult } = options;
  const results = await options.queue.checkAll(
    collected.targets.map((t) => ({ url: t.url, credentials: t.sameSite ? 'include' : 'omit', expect: t.expect })),
    { ...(signal ? { signal } : {}), ...(onResult ? { onResult } : {}) },
  );
  return { pageUrl: snapshot.url, collected, results, findings: pageLinkFindings(collected, results) };
}

/**
 * All link findings of a page: the problems seen on the page itself and those of the answers so far. A save
 * replaces the page's stored link findings, so the page-only ones go along every time.
 */
export function pageLinkFindings(collected: CollectedLinks, results: ReadonlyMap<string, LinkCheckResult>): CheckResult[] {
  return [...localLinkFindings(collected), ...linkResultFindings(collected, results)];
}

/** Request tuning of the job checker. */
export type LinkTuning = Pick<CheckLinkOptions, 'timeoutMs' | 'retryDelayMs' | 'maxBodyBytes' | 'maxBodyWaitMs'>;

/**
 * The job checker a `LinkQueue` runs: `checkLink` over a fetcher, answered from the cache when one is given.
 * `tuning` may be a function, read at each request, so a long-lived checker follows a changed setting.
 */
export function createJobChecker(fetcher: Fetcher, cache?: LinkCache, tuning: LinkTuning | (() => LinkTuning) = {}): LinkJobChecker {
  const current = typeof tuning === 'function' ? tuning : () => tuning;
  const check: LinkJobChecker = (job, signal) =>
    checkLink(job.url, { ...current(), fetcher, credentials: job.credentials, expect: job.expect, signal });
  return cache ? cache.wrap(check) : check;
}
