/**
 * URL identity for the link checker and for column comparison. Pure string work over WHATWG `URL`, which already
 * lower-cases scheme and host, drops default ports and percent-encodes Chinese characters and spaces in paths.
 */

/** Schemes that are not requested and not reported: the reader's mail/phone app or page script handles them. */
const SKIPPED_SCHEMES = new Set(['mailto:', 'tel:', 'sms:', 'javascript:', 'data:', 'blob:', 'about:']);
const CHECKED_SCHEMES = new Set(['http:', 'https:']);

/** Why an href is not a checkable URL. `skipped` hrefs are fine; `malformed` ones are reported as dead links. */
export type HrefProblem =
  | { kind: 'skipped'; scheme: string }
  | { kind: 'malformed'; reason: 'empty' | 'unparsable' | 'unsupported-scheme' | 'bad-host' };

export type ResolvedHref = { ok: true; url: string; fragment: string } | { ok: false; problem: HrefProblem };

/**
 * Resolves an href as written against the document base and says whether it can be requested.
 * `http://http://www.x.gov.cn` parses (host “http”), so hosts without a dot are malformed unless local or an IP.
 */
export function resolveHref(raw: string, base: string): ResolvedHref {
  // Browsers strip leading/trailing ASCII whitespace and remove tabs/newlines inside hrefs; so do we.
  const cleaned = raw.replace(/[\t\n\r]/g, '').trim();
  if (cleaned === '') return { ok: false, problem: { kind: 'malformed', reason: 'empty' } };
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(cleaned)?.[1]?.toLowerCase();
  if (scheme && SKIPPED_SCHEMES.has(scheme)) return { ok: false, problem: { kind: 'skipped', scheme } };
  let parsed: URL;
  try {
    parsed = new URL(cleaned, base);
  } catch {
    return { ok: false, problem: { kind: 'malformed', reason: 'unparsable' } };
  }
  if (SKIPPED_SCHEMES.has(parsed.protocol)) return { ok: false, problem: { kind: 'skipped', scheme: parsed.protocol } };
  if (!CHECKED_SCHEMES.has(parsed.protocol)) {
    return { ok: false, problem: { kind: 'malformed', reason: 'unsupported-scheme' } };
  }
  if (!isPlausibleHost(parsed.hostname)) return { ok: false, problem: { kind: 'malformed', reason: 'bad-host' } };
  return { ok: true, url: normalizeUrl(parsed.href), fragment: decodeFragment(parsed.hash) };
}

function isPlausibleHost(hostname: string): boolean {
  if (hostname === '') return false;
  if (hostname === 'localhost') return true;
  if (hostname.startsWith('[')) return true; // IPv6 literal
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(hostname)) return true;
  const labels = hostname.split('.');
  return labels.length >= 2 && labels.every((l) => l !== '') && !/^\d+$/.test(labels[labels.length - 1] ?? '');
}

function decodeFragment(hash: string): string {
  const f = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    return decodeURIComponent(f);
  } catch {
    return f;
  }
}

/**
 * The identity of a request: no fragment, escapes in upper case, query kept in its order (servers may care).
 * Returns the input unchanged when it is not a URL.
 */
export function normalizeUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  u.hash = '';
  return u.href.replace(/%[0-9a-f]{2}/gi, (m) => m.toUpperCase());
}

const INDEX_FILE = /\/(index|default)\.(s?html?|jsp|php|aspx?)$/i;

/**
 * A looser identity for comparing columns (site map vs. navigation): query parameters sorted, a trailing
 * index.html / index.shtml / default.htm … dropped, and `/a/b` equal to `/a/b/`.
 */
export function comparableUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(normalizeUrl(url));
  } catch {
    return url;
  }
  const params = [...u.searchParams.entries()].sort(([a, av], [b, bv]) =>
    a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1,
  );
  u.search = new URLSearchParams(params).toString();
  let path = u.pathname.replace(INDEX_FILE, '/');
  if (!path.endsWith('/') && !/\.[a-z0-9]{1,6}$/i.test(path)) path += '/';
  u.pathname = path;
  return u.href;
}

/**
 * The hosts that count as the site itself: each given host with and without its `www.` prefix.
 * `host` includes a non-default port, so two local servers on different ports are different sites.
 */
export function siteHostsOf(urlsOrHosts: readonly string[]): string[] {
  const out = new Set<string>();
  for (const item of urlsOrHosts) {
    let host = item.toLowerCase();
    try {
      if (item.includes('/')) host = new URL(item).host;
    } catch {
      continue;
    }
    out.add(host);
    out.add(host.startsWith('www.') ? host.slice(4) : `www.${host}`);
  }
  return [...out];
}

/** Whether `url` belongs to the site whose hosts are `siteHosts` (see `siteHostsOf`). */
export function isSameSite(url: string, siteHosts: readonly string[]): boolean {
  let host: string;
  try {
    host = new URL(url).host;
  } catch {
    return false;
  }
  const bare = host.startsWith('www.') ? host.slice(4) : host;
  return siteHosts.some((h) => h === host || h === bare || h === `www.${bare}`);
}

/** The host name of a URL in lower case, without port; '' when it is not a URL. */
export function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** The host part (with non-default port) of a URL, '' when it is not one. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}
