/** Messages about the site-wide check (全站检查): start, resume, cancel, progress, and the stored results. */
import { browser } from 'wxt/browser';
import type { InspectorDb } from '@/lib/db/schema';
import { getCrawl } from '@/lib/db/crawl-store';
import { siteResultsFor } from '@/lib/db/site-results-store';
import { siteForUrl, siteKeyFor } from '@/lib/db/sites-store';
import { quarterOf } from '@/lib/inspection/quarter';
import type { SiteCheckMessages } from '@/lib/messaging/protocol';
import type { Feature } from '@/lib/messaging/router';
import type { SiteCheckSite, SiteCheckState } from './site-check-facts';
import type { SiteCheckRunner } from './site-check-runner';
import { tabSupport } from './tab-support';

/** The site a tab's page belongs to: the registered site, else the page's origin as a site of its own. */
async function siteOfTab(db: InspectorDb, tabId: number): Promise<{ site: SiteCheckSite; url: string }> {
  const tab = await browser.tabs.get(tabId);
  const url = tab.url ?? '';
  const support = tabSupport(url);
  if (!support.checkable || url.startsWith('file:')) throw new Error(support.notice || '该页面不是网站页面，不能进行全站检查。');
  const registered = await siteForUrl(db, url);
  const origin = new URL(url).origin;
  return {
    url,
    site: {
      siteKey: siteKeyFor(registered, url),
      name: registered?.name ?? new URL(url).host,
      homeUrl: registered?.homeUrl ?? `${origin}/`,
      aliases: registered?.aliases ?? [],
    },
  };
}

/** The site of a stored run, or of the registered site with that key. */
async function siteOfKey(db: InspectorDb, siteKey: string, quarter: string): Promise<SiteCheckSite> {
  const record = await getCrawl(db, siteKey, quarter);
  if (record) return (record.state as SiteCheckState).site;
  const site = await db.sites.get(siteKey);
  return { siteKey, name: site?.name ?? siteKey.replace(/^host:/, ''), homeUrl: site?.homeUrl ?? '', aliases: site?.aliases ?? [] };
}

export function siteCheckFeature(db: InspectorDb, runner: SiteCheckRunner): Feature<SiteCheckMessages> {
  const now = () => quarterOf(new Date());
  return {
    handlers: {
      async startSiteCheck({ tabId }) {
        const { site, url } = await siteOfTab(db, tabId);
        return runner.start(site, now(), { id: tabId, url });
      },
      async resumeSiteCheck({ siteKey, quarter }) {
        return (await runner.resume(siteKey, quarter)) ?? runner.view(undefined, await siteOfKey(db, siteKey, quarter), quarter);
      },
      async cancelSiteCheck({ siteKey, quarter }) {
        return (await runner.cancel(siteKey, quarter)) ?? runner.view(undefined, await siteOfKey(db, siteKey, quarter), quarter);
      },
      async getSiteCheck({ tabId }) {
        const { site } = await siteOfTab(db, tabId);
        return runner.current(site, now());
      },
      async getSiteResults({ siteKey, quarter }) {
        return { results: await siteResultsFor(db, siteKey, quarter) };
      },
    },
    audience: {
      startSiteCheck: 'ui',
      resumeSiteCheck: 'ui',
      cancelSiteCheck: 'ui',
      getSiteCheck: 'ui',
      getSiteResults: 'ui',
    },
  };
}
