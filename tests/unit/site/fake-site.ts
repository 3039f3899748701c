/** An in-memory site for crawl tests: URL → page, redirect or failure, with request counting and concurrency. */
import type { CrawlFetch, CrawlFetchResult } from '../../../lib/site/crawl-types';

export type FakeEntry = string | { status?: number; html?: string; redirect?: string; hang?: boolean };

export interface FakeSite {
  fetch: CrawlFetch;
  requested: string[];
  maxConcurrent: number;
  /** When set, every request fails with this network error (the site is down). */
  down: string | undefined;
}

/** Links as HTML anchors. */
export const linksTo = (...hrefs: string[]): string =>
  `<html><body><ul>${hrefs.map((h) => `<li><a href="${h}">${h}</a></li>`).join('')}</ul></body></html>`;

/** A fake site; pages are looked up by full URL (without fragment). `delayMs` makes requests overlap. */
export function fakeSite(pages: Record<string, FakeEntry>, delayMs = 1): FakeSite {
  let current = 0;
  const site: FakeSite = {
    requested: [],
    maxConcurrent: 0,
    down: undefined,
    fetch: async (url, signal) => {
      site.requested.push(url);
      current++;
      site.maxConcurrent = Math.max(site.maxConcurrent, current);
      try {
        return await answer(url, signal);
      } finally {
        current--;
      }
    },
  };
  const answer = async (url: string, signal: AbortSignal): Promise<CrawlFetchResult> => {
    await new Promise<void>((resolve) => setTimeout(resolve, delayMs));
    if (site.down) return { error: site.down };
    let target = url;
    for (let hops = 0; hops < 10; hops++) {
      const entry = pages[target];
      if (entry === undefined) return { status: 404, finalUrl: target, html: '<h1>页面不存在</h1>' };
      if (typeof entry === 'string') return { status: 200, finalUrl: target, html: entry };
      if (entry.hang) {
        return new Promise((resolve) => signal.addEventListener('abort', () => resolve({ error: 'aborted' })));
      }
      if (entry.redirect) {
        target = new URL(entry.redirect, target).href;
        continue;
      }
      return { status: entry.status ?? 200, finalUrl: target, html: entry.html ?? '' };
    }
    return { error: 'too-many-redirects' };
  };
  return site;
}
