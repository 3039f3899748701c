/**
 * 全站检查 in real Chromium on the fixture site: the crawl from the home page (traps skipped, actions never
 * requested), every planted site-map, stale, blank and date problem stored on its page, the pair table shown by
 * SiteResults, and a run that survives the service worker being stopped and a site that goes down mid-crawl.
 */
import type { Page } from '@playwright/test';
import type { Finding } from '../../lib/checks/types';
import { startFixtureSite, type FixtureSite } from '../fixtures/site/server';
import { COLUMNS, INTERPRETATION_PAIRS, SITEMAP_MISMATCHES, plantedFindings } from '../fixtures/site/planted';
import { expect, test } from './fixtures';
import { SiteCheckPanel } from './pages/site-check-panel';

/** The fixture's /svc/bdc.html never answers and /svc/live.html never ends: a short timeout keeps the crawl quick. */
const FAST = { timeoutMs: 2000 };

const pathOf = (url: string): string => {
  const u = new URL(url);
  return u.pathname + u.search;
};

async function openPanel(page: Page, openSidePanel: (p: Page) => Promise<Page>, origin: string): Promise<SiteCheckPanel> {
  await page.goto(`${origin}/`);
  const panel = new SiteCheckPanel(await openSidePanel(page));
  await expect(panel.startButton).toBeEnabled();
  await panel.putSetting('siteCheck.limits', FAST);
  return panel;
}

function findingsOn(findings: Finding[], check: string, path: string): Finding[] {
  return findings.filter((f) => f.check === check && pathOf(f.pageUrl) === path);
}

test('全站检查 finds every planted site-map, column and date problem, skips the traps and shows the pair table', async ({ context, site, openSidePanel }) => {
  const page = await context.newPage();
  const panel = await openPanel(page, openSidePanel, site.origin);
  const firstRequest = site.requests.length;
  const started = Date.now();
  await panel.start();
  await panel.waitDone();
  const crawlMs = Date.now() - started;
  const requests = site.requests.slice(firstRequest).filter((r) => r.origin === site.origin).map((r) => r.path);
  console.log(`site check of the fixture: ${crawlMs} ms, ${requests.length} requests`);

  // Traps and actions: never requested; the crawl stays small.
  for (const path of requests) expect(path, 'trap or action requested').not.toMatch(/^\/(?:search|calendar)|^\/logout|^\/user\/zhuxiao/);
  expect(requests.length).toBeLessThan(400);
  await expect(panel.page.getByText(/日历与搜索陷阱 [1-9]\d* 个/)).toBeVisible();

  const findings = await panel.storedFindings();
  const planted = plantedFindings(site.today, site.origin, site.offsiteOrigin);

  // Site map: each planted difference on the site-map page, with both sides.
  for (const m of SITEMAP_MISMATCHES) {
    const hit = findingsOn(findings, 'sitemap', '/sitemap.html').find((f) => {
      const d = f.detail as { kind: string; sitemap: { name: string; url: string } | null; site: { name: string; url: string } | null };
      return (
        d.kind === m.kind &&
        (!m.sitemap || (d.sitemap?.name === m.sitemap.name && pathOf(d.sitemap.url) === m.sitemap.path)) &&
        (!m.site || (d.site?.name === m.site.name && pathOf(d.site.url) === m.site.path))
      );
    });
    expect(hit, `${m.kind}: ${m.note}`).toBeTruthy();
    if (m.sitemapUrlDead) expect(hit?.severity).toBe('major');
    await expect(panel.table('网站地图与实际栏目的差异').locator(`tr[data-kind="${m.kind}"]`).filter({ hasText: (m.sitemap ?? m.site)!.name })).toBeVisible();
  }

  // Columns: stale, undated and blank, each on its own column page; dates that cannot be right.
  for (const p of planted.filter((x) => x.check === 'column-stale' || x.check === 'column-blank' || x.check === 'date-anomaly')) {
    const hit = findingsOn(findings, p.check, p.path).find((f) => f.subject === p.subject);
    expect(hit, `${p.check} ${p.path} ${p.subject}`).toBeTruthy();
    if (p.check !== 'date-anomaly') expect(hit?.severity, `${p.check} ${p.subject}`).toBe(p.severity);
  }
  for (const c of COLUMNS.filter((x) => x.freshness === 'fresh' || x.freshness === 'future-date' || x.freshness === 'impossible-date')) {
    const wrong = findings.filter((f) => (f.check === 'column-stale' || f.check === 'column-blank') && pathOf(f.pageUrl) === c.path);
    expect(wrong.map((f) => f.message), `${c.name} is up to date`).toEqual([]);
  }
  const counters = panel.page.getByRole('list', { name: '单项否决计数' });
  await expect(counters).toContainText('空白栏目：2 / 5');
  await expect(counters).toContainText('动态要闻与通知公告、政策文件类超期未更新：2 / 5');

  // The pair table: every planted row in its category.
  const table = panel.table('政策文件与解读配对表');
  for (const pair of INTERPRETATION_PAIRS) {
    const title = pair.policyTitle ?? pair.interpretationTitle ?? '';
    const row = table.locator('tbody tr').filter({ hasText: title }).filter(pair.interpretationTitle ? { hasText: pair.interpretationTitle } : {});
    await expect(row.first(), `${pair.category}: ${title}`).toHaveAttribute('data-category', pair.category);
  }
  // Pair findings: a one-way pair is reported on the page that carries the link (as the page check does), naming the other.
  const interpretation = findings.filter((f) => f.check === 'interpretation');
  for (const p of planted.filter((x) => x.check === 'interpretation')) {
    const hit = interpretation.find(
      (f) =>
        (pathOf(f.pageUrl) === p.path && (f.subject.includes(p.subject) || f.excerpt === p.subject)) ||
        (p.subject.startsWith('/') && pathOf(f.pageUrl) === p.subject && (f.target ?? '').endsWith(p.path)),
    );
    expect(hit, `interpretation ${p.path} ${p.note}`).toBeTruthy();
  }

  // A finding stored on a column page shows when the inspector opens that page.
  await page.goto(`${site.origin}/xwzx/bmdt/index.html`);
  await expect(panel.page.getByRole('listitem').filter({ hasText: '栏目“部门动态”最新信息发布于' }).first()).toBeVisible();
});

test('a crawl resumes where it stopped after the service worker was stopped', async ({ context, openSidePanel }) => {
  const slow: FixtureSite = await startFixtureSite({ latencyMs: 90 });
  try {
    const page = await context.newPage();
    const panel = await openPanel(page, openSidePanel, slow.origin);
    const firstRequest = slow.requests.length;
    await panel.start();
    await expect.poll(() => panel.pagesDone(), { timeout: 20_000 }).toBeGreaterThanOrEqual(20);

    // Stop the worker as Chrome does when it is idle; the profile and the offscreen document stay.
    const cdp = await context.newCDPSession(panel.page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const stoppedAt = slow.requests.length;

    // The panel keeps asking for progress, which starts the worker again; it resumes the stored run.
    try {
      await panel.waitDone(60_000);
    } catch (error) {
      await panel.page.screenshot({ path: '/tmp/site-resume-failed.png' });
      throw error;
    }
    const requests = slow.requests.slice(firstRequest).filter((r) => r.origin === slow.origin).map((r) => r.path);
    expect(slow.requests.length).toBeGreaterThan(stoppedAt);
    expect(requests.filter((p) => p === '/').length, 'home page fetched again: restarted, not resumed').toBe(1);
    const record = await panel.read<{ status: string; state: { resumes: number }; progress: { pagesDone: number } }>('crawls', `host:127.0.0.1|${quarterNow()}`);
    expect(record.status).toBe('done');
    expect(record.state.resumes).toBeGreaterThanOrEqual(1);
    expect(record.progress.pagesDone).toBeGreaterThan(100);
  } finally {
    await slow.close();
  }
});

test('a site that goes down mid-crawl stops as unreachable and continues later', async ({ context, openSidePanel }) => {
  let down: FixtureSite | undefined = await startFixtureSite({ latencyMs: 80 });
  const port = Number(new URL(down.origin).port);
  try {
    const page = await context.newPage();
    const panel = await openPanel(page, openSidePanel, down.origin);
    await panel.start();
    await expect.poll(() => panel.pagesDone(), { timeout: 20_000 }).toBeGreaterThanOrEqual(10);
    await down.close();
    down = undefined;
    await expect(panel.progress).toContainText('网站无法访问', { timeout: 30_000 });
    await expect(panel.progress).toContainText('可点“继续”');

    down = await startFixtureSite({ port, latencyMs: 0 });
    await panel.resumeButton.click();
    await panel.waitDone(60_000);
    expect(down.requests.map((r) => r.path), 'home page fetched again: restarted, not resumed').not.toContain('/');
    await expect(panel.table('栏目更新情况')).toBeVisible();
  } finally {
    await down?.close();
  }
});

function quarterNow(): string {
  const d = new Date();
  return `${d.getFullYear()}Q${Math.floor(d.getMonth() / 3) + 1}`;
}
