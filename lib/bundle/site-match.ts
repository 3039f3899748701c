/**
 * Which local site a bundle's site is: the same 网站标识码, else the same home page once normalised.
 * Home pages compare by the site list's `urlKey`: unlike lib/links' comparableUrl it ignores “www.” and the
 * scheme, since the same site moved to https or to its www host is still the same site.
 */
import { urlKey } from '../site-list/url';

/** A comparable form of a home page URL (host without “www.”, no index page or trailing slash). */
export { urlKey as homeKey };

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
  return urlKey(wanted.homeUrl) === urlKey(candidate.homeUrl) ? 'homeUrl' : undefined;
}
