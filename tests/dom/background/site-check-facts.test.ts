/**
 * What the site-wide check keeps of crawled fixture pages: which pages are column list pages (not articles, not
 * later pager pages, not overview pages), blank columns told apart from side boxes, and dates read from table cells.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { isPagerPage, listKeys, looksLikeColumnUrl, pageFactsOf, withoutFurniture } from '../../../entrypoints/background/site-check-facts';
import { readListPage } from '../../../lib/interpretation/list-crawl';
import { takeSnapshot } from '../../../lib/scan/snapshot';
import type { PageSnapshot } from '../../../lib/scan/snapshot-types';
import { columnProfile } from '../../../lib/site/column-profile';
import { startFixtureSite, type FixtureSite } from '../../fixtures/site/server';

let site: FixtureSite;
let homeLists: Set<string>;
beforeAll(async () => {
  site = await startFixtureSite();
  homeLists = new Set(listKeys(await snap('/')));
});
afterAll(() => site.close());

/** The page as the crawl reads it: fetched HTML parsed without layout (node's http: happy-dom's fetch is CORS-bound). */
async function snap(path: string): Promise<PageSnapshot> {
  const html = await new Promise<string>((resolve, reject) => {
    const req = request(site.origin + path, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
  const window = new Window({ url: site.origin + path });
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  return takeSnapshot(doc, { layout: false, url: site.origin + path }).snapshot;
}

const facts = async (path: string) => pageFactsOf(await snap(path), { depth: 2, from: `${site.origin}/` }, site.today, columnProfile(), homeLists);

describe('column list pages of the fixture', () => {
  it('judges fresh, stale, undated and blank columns on their first page', async () => {
    expect((await facts('/xwzx/dtyw/index.html')).assessment).toMatchObject({ name: '动态要闻', state: 'fresh', level: 2 });
    expect((await facts('/xwzx/bmdt/index.html')).assessment).toMatchObject({ name: '部门动态', state: 'stale' });
    expect((await facts('/bsfw/bszn/index.html')).assessment).toMatchObject({ name: '办事指南', state: 'undated', items: 8 });
    expect((await facts('/hdjl/zxft/index.html')).assessment).toMatchObject({ state: 'blank', blankReason: '暂无信息' });
  });

  it('an empty list is blank although the shared side boxes still list links', async () => {
    const raw = await snap('/hdjl/zjdc/index.html');
    // The fixture's side boxes carry a “side” class and read as aside; other templates' boxes are caught by
    // withoutFurniture (lists shared with the home page), which the facts below go through as well.
    expect(raw.listItems.filter((i) => i.region === 'main')).toEqual([]);
    expect(raw.listItems.filter((i) => i.region === 'aside').length).toBeGreaterThan(0);
    const f = await facts('/hdjl/zjdc/index.html');
    expect(f.listPage).toBe(true);
    expect(f.assessment).toMatchObject({ name: '征集调查', state: 'blank', blankReason: 'no-items' });
  });

  it('reads the newest date of a 留言 table from its cells (the row text runs them together)', async () => {
    expect((await facts('/hdjl/ldxx/index.html')).assessment).toMatchObject({ state: 'fresh', datedItems: 6 });
  });

  it('leaves out articles, later pager pages, overview pages and a moved column that only points elsewhere', async () => {
    for (const path of ['/zwgk/zcwj/content_2001.html', '/zwgk/zcjd/content_2102.html', '/xwzx/dtyw/index_1.html', '/zwgk/index.html', '/hdjl/ldxx_old/index.html']) {
      expect((await facts(path)).listPage, path).toBe(false);
    }
  });

  it('keeps date anomalies of the page without text locations', async () => {
    const f = await facts('/xwzx/qxdt/index.html');
    expect(f.dates?.map((d) => d.subject)).toContain('2106年3月12日');
    expect(f.dates?.every((d) => d.location === undefined)).toBe(true);
  });

  it('the interpretation list’s last page yields its own items, not the side box', async () => {
    const last = withoutFurniture(await snap('/zwgk/zcjd/index_2.html'), homeLists);
    const urls = readListPage(last).items.map((i) => new URL(i.url).pathname);
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(u).toMatch(/^\/zwgk\/zcjd\/content_/);
  });
});

describe('URL shapes', () => {
  it('tells pager pages and column URLs', () => {
    expect(isPagerPage('http://a.gov.cn/zwgk/tzgg/index_3.html')).toBe(true);
    expect(isPagerPage('http://a.gov.cn/list.jsp?catid=3&page=2')).toBe(true);
    expect(isPagerPage('http://a.gov.cn/list.jsp?catid=3&page=1')).toBe(false);
    expect(isPagerPage('http://a.gov.cn/zwgk/tzgg/index.html')).toBe(false);
    expect(looksLikeColumnUrl('http://a.gov.cn/zwgk/tzgg/')).toBe(true);
    expect(looksLikeColumnUrl('http://a.gov.cn/col/col1234/index.html')).toBe(true);
    expect(looksLikeColumnUrl('http://a.gov.cn/list.jsp?channelid=12')).toBe(true);
    expect(looksLikeColumnUrl('http://a.gov.cn/index.html')).toBe(false);
    expect(looksLikeColumnUrl('http://a.gov.cn/zwgk/tzgg/t20261105_12.html')).toBe(false);
  });
});
