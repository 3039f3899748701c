import { describe, expect, it } from 'vitest';
import { freshDatabases } from '../../support/fresh-db';
import { createLinkStage } from '@/entrypoints/background/link-stage';
import type { StageContext } from '@/entrypoints/background/page-service';
import type { CheckResult } from '@/lib/checks/types';
import type { FetchOutcome, FetchRequest } from '@/lib/links/fetcher';
import { link, makeSnapshot } from '../links/make-snapshot';

const BASE = 'https://www.example.gov.cn';

/** /dead* → 404, /slow* never answers until aborted, everything else 200; records requests. */
function fakeFetcher() {
  const calls: FetchRequest[] = [];
  const fetcher = (req: FetchRequest): Promise<FetchOutcome> => {
    calls.push(req);
    const path = new URL(req.url).pathname;
    if (path.startsWith('/slow')) {
      return new Promise((resolve) => req.signal.addEventListener('abort', () => resolve({ ok: false, error: 'aborted', chain: [] })));
    }
    const status = path.startsWith('/dead') ? 404 : 200;
    return Promise.resolve({ ok: true, status, headers: { 'content-type': 'text/html' }, finalUrl: req.url, chain: [], bodyPrefix: new TextEncoder().encode('<title>页</title>') });
  };
  return { fetcher, calls, paths: () => calls.map((c) => new URL(c.url).pathname) };
}

function context(tabId = 1) {
  const saves: CheckResult[][] = [];
  const controller = new AbortController();
  const ctx: StageContext = {
    tabId, site: undefined, siteKey: 'www.example.gov.cn', quarter: '2026Q4', now: new Date(),
    async save(results, checks) {
      expect(checks).toEqual(['link']);
      saves.push(results);
      return [];
    },
    report() {},
    signal: controller.signal,
  };
  return { ctx, saves, controller };
}

const freshDb = freshDatabases('stage');

const snapshot = makeSnapshot({ links: [link('/a.html', { text: '正常' }), link('/dead.html', { text: '坏' }), link('#missing'), link('/logout', { text: '退出' })] });

describe('link stage', () => {
  it('saves the page-only and the network findings together, never requests action links, and reports counts', async () => {
    const db = freshDb();
    const net = fakeFetcher();
    const links = createLinkStage(db, { fetcher: net.fetcher, notify: () => {} });
    const { ctx, saves } = context();
    await links.stage.run(snapshot, ctx);
    expect(net.paths().sort()).toEqual(['/a.html', '/dead.html']);
    expect(saves.at(-1)?.map((r) => [r.subject, r.detail?.['reason']])).toEqual([
      [`${BASE}/zwgk/index.html#missing`, 'missing-anchor'],
      [`${BASE}/dead.html`, 'not-found'],
    ]);
    expect(links.report(1)).toMatchObject({ phase: 'done', checked: 3, total: 3, actions: 1, counts: { ok: 1, dead: 2 } });
    db.close();
  });

  it('answers a second run from the cache and asks again after 重新检查链接', async () => {
    const db = freshDb();
    const net = fakeFetcher();
    const links = createLinkStage(db, { fetcher: net.fetcher, notify: () => {} });
    const { ctx } = context();
    await links.stage.run(snapshot, ctx);
    await new Promise((r) => setTimeout(r, 2_100)); // past the time a result is shared between tabs
    await links.stage.run(snapshot, ctx);
    expect(net.paths().filter((p) => p === '/a.html')).toHaveLength(1);
    await links.recheck(1);
    await expect.poll(() => net.paths().filter((p) => p === '/a.html').length).toBe(2);
    db.close();
  });

  it('取消 stops the run and keeps what is known', async () => {
    const db = freshDb();
    const net = fakeFetcher();
    const links = createLinkStage(db, { fetcher: net.fetcher, notify: () => {} });
    const { ctx, saves } = context();
    const running = links.stage.run(makeSnapshot({ links: [link('/dead.html'), link('/slow.html')] }), ctx);
    await expect.poll(() => links.report(1)?.checked).toBe(1);
    expect(links.report(1)?.phase).toBe('running');
    links.cancel(1);
    await running;
    expect(links.report(1)).toMatchObject({ phase: 'cancelled', checked: 1, counts: { dead: 1, pending: 1 } });
    expect(saves.at(-1)?.map((r) => r.detail?.['reason'])).toEqual(['not-found']);
    db.close();
  });
});
