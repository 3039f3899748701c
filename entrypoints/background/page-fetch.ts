/**
 * Fetch a whole page and read it into a snapshot, for checks that follow links to other pages (policy
 * interpretations) and for the site crawl. One GET with the link fetcher's rules; bytes decoded by their charset
 * (GBK included); parsed in the offscreen document, since the service worker has no DOMParser.
 */
import { decodeHtml } from '@/lib/encoding/decode-html';
import type { TargetResult } from '@/lib/interpretation/check-pair';
import { classifyOutcome, type Classification } from '@/lib/links/classify-status';
import type { Fetcher } from '@/lib/links/fetcher';
import { isHtmlType } from '@/lib/links/page-head';
import type { PageSnapshot } from '@/lib/scan/snapshot-types';
import { offscreen } from './offscreen-client';

export type FetchedPage =
  | { ok: true; url: string; finalUrl: string; status: number; html: string; snapshot: PageSnapshot }
  | { ok: false; url: string; classification: Classification; inconclusive: boolean; message: string };

export interface PageFetchOptions {
  credentials: 'include' | 'omit';
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Larger pages are cut here; a government article page is far smaller. */
  maxBytes?: number;
}

export function createPageFetch(fetcher: Fetcher) {
  return async function fetchPage(url: string, options: PageFetchOptions): Promise<FetchedPage> {
    const controller = new AbortController();
    const timeoutMs = options.timeoutMs ?? 15_000;
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    // Removed when done: a long-lived caller signal (a whole site check) would otherwise keep one per page.
    const abort = () => controller.abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    try {
      const outcome = await fetcher({
        url,
        method: 'GET',
        credentials: options.credentials,
        signal: controller.signal,
        timeoutMs,
        maxBodyBytes: options.maxBytes ?? 4 * 1024 * 1024,
        maxBodyWaitMs: timeoutMs,
      });
      const timedOut = controller.signal.aborted && !options.signal?.aborted;
      const effective = timedOut && !outcome.ok ? { ...outcome, error: 'timeout' as const } : outcome;
      const bytes = effective.ok ? (effective.bodyPrefix ?? new Uint8Array()) : new Uint8Array();
      const contentType = effective.ok ? effective.headers['content-type'] : undefined;
      const decoded = bytes.length ? decodeHtml(bytes, contentType) : null;
      const classification = classifyOutcome({ requestUrl: url, outcome: effective, expect: 'page', ...(decoded ? { body: decoded.text.slice(0, 16_384) } : {}) });
      if (!effective.ok || classification.state === 'dead' || classification.state === 'inconclusive') {
        return { ok: false, url, classification, inconclusive: classification.state === 'inconclusive', message: classification.reasonText };
      }
      if (contentType && !isHtmlType(contentType)) {
        return { ok: false, url, classification, inconclusive: false, message: `不是网页（${contentType.split(';')[0]}）` };
      }
      const html = decoded?.text ?? '';
      const finalUrl = effective.finalUrl || url;
      const snapshot = await offscreen.send('parsePage', { html, url: finalUrl });
      return { ok: true, url, finalUrl, status: effective.status, html, snapshot };
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', abort);
    }
  };
}

export type PageFetch = ReturnType<typeof createPageFetch>;

/** A fetched page as a check judges a linked page: its snapshot, or why there is none (inconclusive ≠ dead). */
export function targetResultOf(page: FetchedPage): TargetResult {
  if (page.ok) return { snapshot: page.snapshot };
  const status = page.classification.httpStatus;
  return { error: page.message, inconclusive: page.inconclusive, ...(status ? { httpStatus: status } : {}) };
}
