/**
 * What counts as the same site and the same page during a crawl and when comparing columns: http and https,
 * the www and bare host and the inspector's configured aliases are one site; index.html / default.htm, query order
 * and session ids do not make a different page. Builds on `lib/links/normalize-url`.
 */
import { comparableUrl, normalizeUrl, siteHostsOf } from '../links/normalize-url';

/** Query parameters that carry a session or a cache-buster, never content. */
const SESSION_PARAMS = /^(?:jsessionid|phpsessid|aspsessionid\w*|sid|sessionid|session_id|token|_t|_|timestamp|rnd|random)$/i;

/** A site: its hosts (with and without www, plus aliases) and the host URLs are rewritten to. */
export interface SiteScope {
  /** Lower-case hosts (with port) that belong to the site. */
  hosts: string[];
  /** The home page's host without “www.”, used in keys. */
  primaryHost: string;
}

/** The scope of a site from its home page and configured alias hosts or URLs. */
export function siteScope(homeUrl: string, aliases: readonly string[] = []): SiteScope {
  const home = new URL(homeUrl);
  const primaryHost = home.host.replace(/^www\./, '');
  return { hosts: siteHostsOf([home.host, ...aliases]), primaryHost };
}

/** Whether an absolute http(s) URL belongs to the site. */
export function inScope(url: string, scope: SiteScope): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && scope.hosts.includes(u.host.toLowerCase());
  } catch {
    return false;
  }
}

/** The URL without session ids (…;jsessionid=…, ?sid=…) and without its fragment; '' when not a URL. */
export function stripSession(url: string): string {
  let u: URL;
  try {
    u = new URL(url.replace(/;jsessionid=[^?#/]*/i, ''));
  } catch {
    return '';
  }
  for (const key of [...u.searchParams.keys()]) if (SESSION_PARAMS.test(key)) u.searchParams.delete(key);
  if (u.search === '?') u.search = '';
  return normalizeUrl(u.href);
}

/**
 * The identity of a page within a site: scheme and site hosts unified, session ids dropped, query sorted, index
 * files dropped. URLs of other sites keep their own host (www kept), so they never collide with the site's pages.
 */
export function pageKey(url: string, scope?: SiteScope): string {
  const clean = stripSession(url);
  if (!clean) return url;
  const u = new URL(comparableUrl(clean));
  if (scope && scope.hosts.includes(u.host)) {
    u.protocol = 'https:';
    u.host = scope.primaryHost;
  }
  return u.href;
}
