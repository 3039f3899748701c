/**
 * The site crawl's network: one GET per page with the link fetcher's rules (the site's own cookies, none
 * off-site; a bounded body), bytes decoded by their charset (GB2312 / GBK / GB18030 / UTF-8, BOM, meta).
 * Non-HTML answers come back without a body: the crawl records them but reads no links from them.
 */
import { decodeHtml } from '@/lib/encoding/decode-html';
import type { Fetcher } from '@/lib/links/fetcher';
import { isHtmlType } from '@/lib/links/page-head';
import type { CrawlFetch } from '@/lib/site/crawl-types';
import { inScope, type SiteScope } from '@/lib/site/site-url';

/** A government column or article page is far smaller; bigger bodies are cut (their links are near the top anyway). */
const MAX_BYTES = 3 * 1024 * 1024;

export function createCrawlFetch(fetcher: Fetcher, scope: SiteScope, timeoutMs: number): CrawlFetch {
  return async (url, signal) => {
    const outcome = await fetcher({
      url,
      method: 'GET',
      credentials: inScope(url, scope) ? 'include' : 'omit',
      signal,
      timeoutMs,
      maxBodyBytes: MAX_BYTES,
      maxBodyWaitMs: timeoutMs,
    });
    if (!outcome.ok) return { error: outcome.error };
    const contentType = outcome.headers['content-type'];
    const base = { status: outcome.status, finalUrl: outcome.finalUrl || url, ...(contentType ? { contentType } : {}) };
    if (!isHtmlType(contentType)) return { ...base, html: '' };
    const bytes = outcome.bodyPrefix ?? new Uint8Array();
    return { ...base, html: bytes.length ? decodeHtml(bytes, contentType).text : '' };
  };
}
