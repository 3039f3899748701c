import { afterEach, describe, expect, it, vi } from 'vitest';
import { CrawlQueue } from '../../../lib/site/crawl-queue';
import type { CrawlState } from '../../../lib/site/crawl-types';
import { fakeSite, linksTo } from './fake-site';

const O = 'https://www.qs.gov.cn';

afterEach(() => {
  vi.useRealTimers();
});

describe('CrawlQueue: bounds and scope', () => {
  it('crawls breadth-first to depth 3 and no further', async () => {
    const site = fakeSite({
      [`${O}/`]: linksTo('/a/', '/b/'),
      [`${O}/a/`]: linksTo('/a/1.html'),
      [`${O}/b/`]: linksTo('/b/1.html'),
      [`${O}/a/1.html`]: linksTo('/a/1/deep.html'),
      [`${O}/b/1.html`]: linksTo('/b/1/deep.html'),
      [`${O}/a/1/deep.html`]: linksTo('/a/1/deeper.html'),
      [`${O}/b/1/deep.html`]: linksTo('/b/1/deeper.html'),
    });
    const q = new CrawlQueue({ startUrl: `${O}/` });
    expect(await q.run({ fetch: site.fetch })).toBe('done');
    expect(q.records.map((r) => [new URL(r.url).pathname, r.depth])).toEqual([
      ['/', 0],
      ['/a/', 1],
      ['/b/', 1],
      ['/a/1.html', 2],
      ['/b/1.html', 2],
      ['/a/1/deep.html', 3],
      ['/b/1/deep.html', 3],
    ]);
    expect(q.progress().skipped.depth).toBe(2);
    expect(site.requested.some((u) => u.includes('deeper'))).toBe(false);
  });

  it('stops accepting URLs at maxPages', async () => {
    const many = Array.from({ length: 30 }, (_, i) => `/p${i}.html`);
    const pages = Object.fromEntries([[`${O}/`, linksTo(...many)], ...many.map((p) => [`${O}${p}`, '<p>x</p>'])]);
    const q = new CrawlQueue({ startUrl: `${O}/`, maxPages: 10 });
    await q.run({ fetch: fakeSite(pages).fetch });
    expect(q.records).toHaveLength(10);
    expect(q.progress().skipped.limit).toBe(21);
  });

  it('treats http/https, www/bare host and configured aliases as one site, and skips other sites', async () => {
    const site = fakeSite({
      [`${O}/`]: linksTo('http://qs.gov.cn/zwgk/', `${O}/zwgk/index.html`, 'https://old.qs.gov.cn/x.html', 'https://www.gov.cn/', '/zwgk/?'),
      'http://qs.gov.cn/zwgk/': linksTo('/'),
      'https://old.qs.gov.cn/x.html': '<p>旧域名页面</p>',
    });
    const q = new CrawlQueue({ startUrl: `${O}/`, aliases: ['old.qs.gov.cn'] });
    await q.run({ fetch: site.fetch });
    expect(site.requested).toEqual([`${O}/`, 'http://qs.gov.cn/zwgk/', 'https://old.qs.gov.cn/x.html']);
    expect(q.progress().skipped.offsite).toBe(1);
  });

  it('follows redirect chains between http and https, www and bare host, and does not fetch the target again', async () => {
    const site = fakeSite({
      'http://qs.gov.cn/': { redirect: 'https://qs.gov.cn/' },
      'https://qs.gov.cn/': { redirect: `${O}/index.html` },
      [`${O}/index.html`]: linksTo('/index.html', '/', 'http://qs.gov.cn/xxgk/'),
      'http://qs.gov.cn/xxgk/': { redirect: `${O}/xxgk/index.shtml` },
      [`${O}/xxgk/index.shtml`]: linksTo('https://qs.gov.cn/xxgk/'),
    });
    const q = new CrawlQueue({ startUrl: 'http://qs.gov.cn/' });
    await q.run({ fetch: site.fetch });
    expect(site.requested).toEqual(['http://qs.gov.cn/', 'http://qs.gov.cn/xxgk/']);
    expect(q.records.map((r) => r.finalUrl)).toEqual([`${O}/index.html`, `${O}/xxgk/index.shtml`]);
  });

  it('records a redirect off the site without following its links', async () => {
    const site = fakeSite({
      [`${O}/`]: linksTo('/go.html'),
      [`${O}/go.html`]: { redirect: 'https://www.example.com/' },
      'https://www.example.com/': linksTo('https://www.example.com/a.html'),
    });
    const q = new CrawlQueue({ startUrl: `${O}/` });
    await q.run({ fetch: site.fetch });
    expect(q.records[1]).toMatchObject({ offsite: true, finalUrl: 'https://www.example.com/' });
    expect(site.requested).toHaveLength(2);
  });

  it('records HTTP errors and does not read links from them', async () => {
    const site = fakeSite({ [`${O}/`]: linksTo('/gone.html'), [`${O}/gone.html`]: { status: 500, html: linksTo('/x.html') } });
    const q = new CrawlQueue({ startUrl: `${O}/` });
    await q.run({ fetch: site.fetch });
    expect(q.records.map((r) => r.status)).toEqual([200, 500]);
    expect(q.progress().failed).toBe(1);
  });
});

describe('CrawlQueue: traps and actions', () => {
  it('never requests search pages, calendars, action links, files or growing paths', async () => {
    const home = linksTo(
      '/search.jsp?q=政府',
      '/s?wd=x',
      '/was5/web/search?searchword=abc',
      '/calendar/2026/11/',
      '/hdjl/hd.jsp?date=2026-11-05',
      '/list.jsp?year=2026&month=11',
      '/logout.do',
      '/member/login.html',
      '/article/delete?id=3',
      '/vote.jsp?action=submit&id=2',
      '/attach/2026/plan.pdf',
      '/images/banner.jpg',
      '/a/b/a/b/a/b/',
      'javascript:void(0)',
      'mailto:ban@qs.gov.cn',
      '/zwgk/list.jsp?action=list&col=3',
      '/user/zhuxiao',
      '/member/tuichu.jsp',
    );
    const site = fakeSite({ [`${O}/`]: home, [`${O}/zwgk/list.jsp?action=list&col=3`]: '<p>列表</p>' });
    const q = new CrawlQueue({ startUrl: `${O}/` });
    await q.run({ fetch: site.fetch });
    expect(site.requested).toEqual([`${O}/`, `${O}/zwgk/list.jsp?action=list&col=3`]);
    expect(q.progress().skipped).toMatchObject({ search: 3, trap: 4, action: 6, 'non-page': 2 });
  });

  it('caps endless query variants per URL pattern but keeps distinct columns', async () => {
    const pagesLinks = Array.from({ length: 40 }, (_, i) => `/col/list.jsp?page=${i + 1}&sort=desc`);
    const site = fakeSite({
      [`${O}/`]: linksTo(...pagesLinks, '/zwgk/', '/xwzx/'),
      ...Object.fromEntries(pagesLinks.map((p) => [`${O}${p}`, '<p>第N页</p>'])),
      [`${O}/zwgk/`]: '<p>政务公开</p>',
      [`${O}/xwzx/`]: '<p>新闻中心</p>',
    });
    const q = new CrawlQueue({ startUrl: `${O}/`, maxPerQueryPattern: 5 });
    await q.run({ fetch: site.fetch });
    expect(site.requested.filter((u) => u.includes('list.jsp'))).toHaveLength(5);
    expect(site.requested).toContain(`${O}/zwgk/`);
    expect(site.requested).toContain(`${O}/xwzx/`);
    expect(q.progress().skipped.pattern).toBe(35);
  });

  it('treats session ids and query order as the same page', async () => {
    const site = fakeSite({
      [`${O}/`]: linksTo('/col.jsp;jsessionid=ABC123?b=2&a=1', '/col.jsp?a=1&b=2&sid=998', '/col.jsp?PHPSESSID=7&b=2&a=1'),
      [`${O}/col.jsp?b=2&a=1`]: '<p>栏目</p>',
    });
    const q = new CrawlQueue({ startUrl: `${O}/` });
    await q.run({ fetch: site.fetch });
    expect(site.requested).toEqual([`${O}/`, `${O}/col.jsp?b=2&a=1`]);
  });
});

describe('CrawlQueue: scheduling, timeout, cancel', () => {
  it('keeps at most 4 requests in flight per host, and uses all 4', async () => {
    const many = Array.from({ length: 20 }, (_, i) => `/p${i}.html`);
    const site = fakeSite(Object.fromEntries([[`${O}/`, linksTo(...many)], ...many.map((p) => [`${O}${p}`, '<p/>'])]), 5);
    const q = new CrawlQueue({ startUrl: `${O}/` });
    await q.run({ fetch: site.fetch });
    expect(site.maxConcurrent).toBe(4);
    expect(q.records).toHaveLength(21);
  });

  it('counts www and bare host as one host for politeness', async () => {
    const links = Array.from({ length: 10 }, (_, i) => (i % 2 ? `${O}/p${i}.html` : `https://qs.gov.cn/p${i}.html`));
    const pages = Object.fromEntries([[`${O}/`, linksTo(...links)], ...links.map((l) => [l, '<p/>'])]);
    const site = fakeSite(pages, 5);
    await new CrawlQueue({ startUrl: `${O}/` }).run({ fetch: site.fetch });
    expect(site.maxConcurrent).toBe(4);
  });

  it('gives up on a page after the timeout (15 s by default) and goes on', async () => {
    vi.useFakeTimers();
    const site = fakeSite({ [`${O}/`]: linksTo('/slow.html', '/ok.html'), [`${O}/slow.html`]: { hang: true }, [`${O}/ok.html`]: '<p/>' }, 0);
    const q = new CrawlQueue({ startUrl: `${O}/` });
    const done = q.run({ fetch: site.fetch });
    await vi.advanceTimersByTimeAsync(14_000);
    expect(q.progress().inFlight).toBe(1);
    await vi.advanceTimersByTimeAsync(1_100);
    expect(await done).toBe('done');
    expect(q.records.find((r) => r.url.endsWith('/slow.html'))).toMatchObject({ status: 0, error: 'timeout' });
  });

  it('cancel aborts requests in flight and keeps them for a later run', async () => {
    const many = Array.from({ length: 12 }, (_, i) => `/p${i}.html`);
    const site = fakeSite(Object.fromEntries([[`${O}/`, linksTo(...many)], ...many.map((p) => [`${O}${p}`, { hang: true }])]), 1);
    const q = new CrawlQueue({ startUrl: `${O}/` });
    const done = q.run({
      fetch: site.fetch,
      onProgress: (p) => {
        if (p.done === 1) setTimeout(() => q.cancel(), 5);
      },
    });
    expect(await done).toBe('cancelled');
    const state = q.toJSON();
    expect(state.status).toBe('cancelled');
    expect(state.frontier).toHaveLength(12);
    expect(state.pages).toHaveLength(1);
  });
});

describe('CrawlQueue: persist and resume', () => {
  const many = Array.from({ length: 30 }, (_, i) => `/c${i % 3}/p${i}.html`);
  const pages = Object.fromEntries([
    [`${O}/`, linksTo('/c0/', '/c1/', '/c2/')],
    ...[0, 1, 2].map((c) => [`${O}/c${c}/`, linksTo(...many.filter((p) => p.startsWith(`/c${c}/`)))]),
    ...many.map((p) => [`${O}${p}`, '<p>文章</p>']),
  ]);

  it('resumes from JSON taken mid-crawl (worker stopped) and records every page once; pages in flight at the save are fetched again', async () => {
    const site = fakeSite(pages, 2);
    const first = new CrawlQueue({ startUrl: `${O}/` });
    let saved: string | undefined;
    const firstRun = first.run({
      fetch: site.fetch,
      onProgress: (p) => {
        if (p.done === 10 && !saved) {
          saved = JSON.stringify(first.toJSON());
          first.cancel('paused'); // the worker dies here; nothing after this point counts
        }
      },
    });
    await firstRun;
    const state = JSON.parse(saved!) as CrawlState;
    expect(state.pages).toHaveLength(10);
    const inFlightAtSave = state.frontier.length;
    const resumed = CrawlQueue.fromJSON(state);
    expect(resumed.progress()).toMatchObject({ status: 'paused', done: 10 });
    const second = fakeSite(pages, 2);
    expect(await resumed.run({ fetch: second.fetch })).toBe('done');
    expect(resumed.records).toHaveLength(34);
    expect(new Set(resumed.records.map((r) => r.url)).size).toBe(34);
    expect(second.requested.length).toBe(24);
    expect(inFlightAtSave).toBeGreaterThan(0);
  });

  it('a state taken while another page is still being handled keeps that page to fetch again, so its links are not lost', async () => {
    const site = fakeSite(pages, 2);
    const first = new CrawlQueue({ startUrl: `${O}/` });
    let saved: CrawlState | undefined;
    await first.run({
      fetch: site.fetch,
      // The home page's handler is slow (an offscreen parse): the worker dies while it runs.
      onPage: async (page) => {
        if (page.depth !== 0) return;
        saved = first.toJSON();
        first.cancel('paused');
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
    });
    expect(saved?.pages).toHaveLength(0);
    expect(saved?.frontier.map((e) => e.url)).toEqual([`${O}/`]);
    const resumed = CrawlQueue.fromJSON(saved!);
    const second = fakeSite(pages, 2);
    expect(await resumed.run({ fetch: second.fetch })).toBe('done');
    expect(resumed.records).toHaveLength(34);
  });

  it('rejects state of another format', () => {
    expect(() => CrawlQueue.fromJSON({ format: 'x' } as unknown as CrawlState)).toThrow('全站检查');
  });

  it('stops when the site goes down mid-crawl, keeps what it got, and resumes when it is back', async () => {
    const site = fakeSite(pages, 1);
    const q = new CrawlQueue({ startUrl: `${O}/`, maxConsecutiveFailures: 5 });
    const status = await q.run({
      fetch: site.fetch,
      onProgress: (p) => {
        if (p.done === 8) site.down = 'connection-refused';
      },
    });
    expect(status).toBe('site-down');
    const got = q.records.length;
    expect(got).toBeGreaterThanOrEqual(8);
    expect(q.records.every((r) => r.error === undefined)).toBe(true);
    site.down = undefined;
    expect(await q.run({ fetch: site.fetch })).toBe('done');
    expect(q.records).toHaveLength(34);
    expect(q.records.every((r) => r.status === 200)).toBe(true);
  });
});

describe('CrawlQueue: links from the page handler', () => {
  it('uses links returned by onPage instead of the HTML (navigation built by script)', async () => {
    const site = fakeSite({ [`${O}/`]: '<div id="menu"></div><script>buildMenu()</script>', [`${O}/zwgk/`]: '<p/>' });
    const q = new CrawlQueue({ startUrl: `${O}/` });
    await q.run({ fetch: site.fetch, onPage: (page) => (page.depth === 0 ? [`${O}/zwgk/`] : undefined) });
    expect(site.requested).toEqual([`${O}/`, `${O}/zwgk/`]);
  });

  it('survives a handler that throws', async () => {
    const site = fakeSite({ [`${O}/`]: linksTo('/a.html'), [`${O}/a.html`]: '<p/>' });
    const q = new CrawlQueue({ startUrl: `${O}/` });
    const status = await q.run({
      fetch: site.fetch,
      onPage: () => {
        throw new Error('bad page');
      },
    });
    expect(status).toBe('done');
    expect(q.records).toHaveLength(2);
  });
});
