/**
 * Which local site a bundle's site is: the same 网站标识码, else the same home page once normalised.
 * The normalisation is deliberately small (scheme, case, “www.”, default port, index pages, trailing
 * slash). Unlike lib/links' comparableUrl it ignores “www.” and the scheme: the same site moved to https or
 * to its www host is still the same site.
 */

const INDEX_PAGE = /\/(?:index|default)\.(?:s?html?|jsp|php|aspx?)$/i;

/** A comparable form of a home page URL: host without “www.”, path without index page or trailing slash. */
export function homeKey(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return url.trim().toLowerCase();
  }
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const port = parsed.port ? `:${parsed.port}` : '';
  const path = parsed.pathname.replace(INDEX_PAGE, '/').replace(/\/+$/, '');
  return `${host}${port}${path}${parsed.search}`;
}

/** 网站标识码 compared without spaces and case; '' when unknown. */
export function siteCodeKey(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

export type SiteMatch = 'siteCode' | 'homeUrl';

/**
 * How `candidate` matches `wanted`, or undefined. Two different non-empty 网站标识码 never match, even on the
 * same home page: they are two registered sites, and keeping both loses nothing.
 */
export function matchSite(
  wanted: { siteCode: string; homeUrl: string },
  candidate: { siteCode: string; homeUrl: string },
): SiteMatch | undefined {
  const a = siteCodeKey(wanted.siteCode);
  const b = siteCodeKey(candidate.siteCode);
  if (a && b) return a === b ? 'siteCode' : undefined;
  return homeKey(wanted.homeUrl) === homeKey(candidate.homeUrl) ? 'homeUrl' : undefined;
}
