/**
 * URL helpers for pairing pages: one comparable form, and what a link points at (page, file, search).
 */

/**
 * A comparable form: no fragment, host lower-cased, http/https and default ports folded, a trailing
 * `index.html` and `/` dropped. Returns '' for anything that is not an http(s) URL.
 */
export function urlKey(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return '';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return '';
  const path = u.pathname.replace(/\/(?:index|default)\.s?html?$/i, '/').replace(/\/+$/, '');
  return `${u.hostname.toLowerCase()}${u.port && u.port !== '80' && u.port !== '443' ? `:${u.port}` : ''}${path}${u.search}`;
}

/** True when both URLs name the same page. */
export function sameUrl(a: string, b: string): boolean {
  const ka = urlKey(a);
  return ka !== '' && ka === urlKey(b);
}

const FILE_EXT = /\.(pdf|docx?|wps|ofd|xlsx?|et|zip|rar|7z|txt|ceb|jpe?g|png|gif)$/i;

/** A download rather than a page: the policy as a PDF/Word/OFD file or an image. */
export function isFileUrl(url: string): boolean {
  try {
    return FILE_EXT.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

const SEARCH_PATH = /(^|\/)(search|so|jsearch|s|query|fulltext|was5|searchresult|jrobot|search\.(?:jsp|do|html?|aspx?|php))(\/|$|\?|\.)/i;
const SEARCH_PARAM = /^(q|query|keyword|keywords|searchword|searchWord|sw|wd|kw|qt|word)$/i;

/** A site-search result page (…/search?q=…, /was5/web/search?searchword=…): never the policy itself. */
export function isSearchUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (SEARCH_PATH.test(u.pathname)) return true;
  for (const key of u.searchParams.keys()) if (SEARCH_PARAM.test(key)) return true;
  return false;
}

/** Looks like a column list (ends in / or index.html), not an article. */
export function isListLikeUrl(url: string): boolean {
  try {
    const path = new URL(url).pathname;
    return /\/$/.test(path) || /\/(index|default|list)(_\d+)?\.s?html?$/i.test(path);
  } catch {
    return false;
  }
}

/** Same host (ports and scheme ignored). */
export function sameHost(a: string, b: string): boolean {
  try {
    return new URL(a).hostname.toLowerCase() === new URL(b).hostname.toLowerCase();
  } catch {
    return false;
  }
}
