/**
 * Which site a page belongs to. A page of a site the inspector added is keyed by the site's id; any other page
 * by its host, so findings on ad-hoc checks still have a home.
 */
import { hostnameOf } from '../links/normalize-url';
import type { SiteRecord } from './records';
import type { InspectorDb } from './schema';


/** Hosts of a site: its home page's host, the www/bare twin, and its aliases. */
export function siteHosts(site: Pick<SiteRecord, 'homeUrl' | 'aliases'>): string[] {
  const home = hostnameOf(site.homeUrl);
  const twin = home.startsWith('www.') ? home.slice(4) : `www.${home}`;
  return [home, twin, ...site.aliases.map((a) => a.toLowerCase())].filter(Boolean);
}

/** The site (among those given) whose hosts include the URL's host. */
export function matchSite(sites: SiteRecord[], url: string): SiteRecord | undefined {
  const host = hostnameOf(url);
  if (!host) return undefined;
  return sites.find((s) => siteHosts(s).includes(host));
}

export async function siteForUrl(db: InspectorDb, url: string): Promise<SiteRecord | undefined> {
  return matchSite(await db.sites.toArray(), url);
}

/** The key findings and verdicts are stored under for a page. */
export function siteKeyFor(site: SiteRecord | undefined, url: string): string {
  return site ? site.id : hostSiteKey(hostnameOf(url));
}

/** The key of a page whose host no added site claims (a site added later still finds those findings). */
export function hostSiteKey(host: string): string {
  return `host:${host}`;
}
