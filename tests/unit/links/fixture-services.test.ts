/**
 * The whole link check (collect → queue → checkLink → node fetcher) against the fixture site's services page:
 * every link must get the state the fixture documents in SERVICE_LINKS, and action links are never requested.
 * The page is read with a small regex parser because the unit project has no DOM (hidden styles are the
 * hidden-link check's business and covered by its own tests).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPageLinks, createJobChecker } from '../../../lib/links/check-page-links';
import type { PageLinkReport } from '../../../lib/links/check-page-links';
import { LinkQueue } from '../../../lib/links/host-queue';
import type { LinkInfo } from '../../../lib/scan/snapshot-types';
import { PAGES, SERVICE_LINKS, serviceLinkUrl } from '../../fixtures/site/planted';
import { startFixtureSite } from '../../fixtures/site/server';
import type { FixtureSite } from '../../fixtures/site/server';
import { createNodeFetcher } from '../../support/node-fetcher';
import { makeSnapshot } from './make-snapshot';

let site: FixtureSite;
let report: PageLinkReport;

const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

function linksOf(html: string, base: string): LinkInfo[] {
  const out: LinkInfo[] = [];
  const tags = /<a\s[^>]*href="([^"]*)"[^>]*data-fixture-id="([^"]+)"[^>]*>([\s\S]*?)<\/a>|<img\s[^>]*src="([^"]*)"[^>]*alt="([^"]*)"[^>]*data-fixture-id="([^"]+)"/g;
  for (const m of html.matchAll(tags)) {
    const isImg = m[4] !== undefined;
    const raw = unescape((isImg ? m[4] : m[1]) ?? '');
    let url = '';
    try {
      url = new URL(raw, base).href;
    } catch {
      url = '';
    }
    out.push({ ref: out.length, kind: isImg ? 'img' : 'a', raw, url, text: unescape(((isImg ? m[5] : m[3]) ?? '').replace(/<[^>]*>/g, '')), region: 'main', hidden: [], id: (isImg ? m[6] : m[2]) ?? '' });
  }
  return out;
}

beforeAll(async () => {
  site = await startFixtureSite();
  const pageUrl = `${site.origin}${PAGES.services}`;
  const html = await (await fetch(pageUrl)).text();
  const anchors = [...html.matchAll(/\s(?:id|name)="([^"]+)"/g)].map((m) => m[1] ?? '');
  const snapshot = makeSnapshot({ url: pageUrl, links: linksOf(html, pageUrl), anchors });
  const queue = new LinkQueue({ check: createJobChecker(createNodeFetcher(), undefined, { timeoutMs: 800, retryDelayMs: 50, maxBodyWaitMs: 300 }) });
  report = await checkPageLinks(snapshot, { queue });
}, 30_000);

afterAll(async () => {
  await site.close();
});

function stateOf(id: string): string {
  const link = SERVICE_LINKS.find((l) => l.id === id);
  const info = report.collected;
  if (!link) throw new Error(id);
  const url = serviceLinkUrl(link, site.origin, site.offsiteOrigin);
  if (url === undefined) return 'skip';
  const problem = info.problems.find((p) => p.url === url || p.raw === link.href);
  if (problem) return `dead:${problem.reason}`;
  if (info.actions.some((a) => a.url === url)) return 'skip';
  const result = report.results.get(new URL(url).href.replace(/#.*$/, ''));
  if (!result) return link.href.startsWith('#') ? 'ok' : 'missing';
  return `${result.state}:${result.reason}`;
}

describe('link check on the fixture services page', () => {
  it.each(SERVICE_LINKS.map((l) => [l.id, l.expected, l.reason] as const))('%s → %s (%s)', (id, expected, reason) => {
    const got = stateOf(id);
    expect(got.split(':')[0]).toBe(expected);
    if (reason === 'missing-anchor' || reason === 'missing-image' || reason === 'soft-404' || reason === 'redirect-loop') {
      expect(got).toBe(`${expected}:${reason}`);
    }
  });

  it('never requests the action links and reports no skipped scheme as malformed', () => {
    expect(report.collected.problems.filter((p) => p.reason === 'malformed-url')).toEqual([]);
    expect(report.collected.actions).toHaveLength(2);
    const paths = site.requests.map((r) => r.path);
    expect(paths).not.toContain('/logout');
    expect(paths).not.toContain('/user/zhuxiao');
  });

  it('requests same-site links with the site and off-site links once each', () => {
    const counts = new Map<string, number>();
    for (const r of site.requests) counts.set(`${r.origin}${r.path}`, (counts.get(`${r.origin}${r.path}`) ?? 0) + 1);
    expect(counts.get(`${site.offsiteOrigin}/zwfw/index.html`)).toBe(1);
  });
});
