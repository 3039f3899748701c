/**
 * Home-page URLs as people type them into site lists (no scheme, full-width punctuation, spaces), and a
 * comparison key that treats http/https, “www.” and “/index.html” as the same site. Built on
 * lib/links/normalize-url, which SiteRecord.homeUrl follows.
 */
import { comparableUrl, normalizeUrl } from '../links/normalize-url';

/** Result of reading a typed home-page URL. */
export interface HomeUrlResult {
  /** Normalised absolute URL, '' when it could not be read. */
  url: string;
  /** True when “http://” had to be added. */
  addedScheme: boolean;
  /** Chinese reason when the URL is unusable. */
  error?: string;
}

/** Cleans what spreadsheets and copy-paste leave in URLs: full-width colon/slash, spaces, zero-width marks. */
function clean(raw: string): string {
  return raw
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/：/g, ':')
    .replace(/[／\\]/g, '/')
    .replace(/。/g, '.')
    .trim()
    .replace(/\s+/g, '');
}

/** Reads a typed home-page URL; adds http:// when there is no scheme (most sites still answer on http). */
export function normalizeHomeUrl(raw: string): HomeUrlResult {
  const text = clean(raw);
  if (text === '') return { url: '', addedScheme: false, error: '首页网址为空' };
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text);
  const withScheme = hasScheme ? text : `http://${text.replace(/^\/+/, '')}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    return { url: '', addedScheme: false, error: `首页网址“${raw.trim()}”无法识别` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { url: '', addedScheme: false, error: `首页网址“${raw.trim()}”应以 http:// 或 https:// 开头` };
  }
  if (!parsed.hostname.includes('.') && parsed.hostname !== 'localhost') {
    return { url: '', addedScheme: false, error: `首页网址“${raw.trim()}”缺少有效域名` };
  }
  return { url: normalizeUrl(parsed.href), addedScheme: !hasScheme };
}

/**
 * Comparison key of a URL: `comparableUrl` (index page dropped, query sorted) without scheme, “www.” and
 * trailing slash. The scheme is ignored because the same site is often listed once with http and once with https.
 */
export function urlKey(url: string): string {
  const text = clean(url);
  let parsed: URL;
  try {
    parsed = new URL(comparableUrl(new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `http://${text}`).href));
  } catch {
    return text.toLowerCase();
  }
  const host = parsed.hostname.replace(/^www\./, '');
  const port = parsed.port ? `:${parsed.port}` : '';
  return `${host}${port}${parsed.pathname.replace(/\/+$/, '')}${parsed.search}`;
}

/** The host of a URL without “www.”, '' when unreadable: used to match a site's aliases. */
export function bareHost(url: string): string {
  return urlKey(url).split(/[/:?]/)[0] ?? '';
}
