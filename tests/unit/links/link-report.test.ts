import { describe, expect, it } from 'vitest';
import type { LinkCheckResult } from '../../../lib/links/check-link';
import { classification, type LinkReason } from '../../../lib/links/classify-status';
import { collectLinks } from '../../../lib/links/collect-links';
import { linkReport } from '../../../lib/links/link-report';
import { link, makeSnapshot } from './make-snapshot';

const base = 'https://www.example.gov.cn';
function result(url: string, reason: LinkReason, extra: Partial<LinkCheckResult> = {}): LinkCheckResult {
  return { ...classification(reason), url, finalUrl: url, chain: [], method: 'GET', attempts: 1, checkedAt: 0, ...extra };
}

const snapshot = makeSnapshot({
  anchors: ['here'],
  links: [
    link('/ok.html', { text: '正常' }),
    link('/gone.html', { text: '旧通知' }),
    link('/gone.html', { text: '旧通知' }),
    link('/moved.html', { text: '搬家' }),
    link('https://other.example.com/', { text: '外站' }),
    link('/later.html', { text: '稍后' }),
    link('#here', { text: '锚点' }),
    link('#nowhere', { text: '坏锚点' }),
    link('/logout', { text: '退出' }),
    link('/banner.png', { kind: 'img', text: '横幅', broken: false }),
  ],
});
const collected = collectLinks(snapshot);
const results = new Map<string, LinkCheckResult>([
  [`${base}/ok.html`, result(`${base}/ok.html`, 'ok', { httpStatus: 200 })],
  [`${base}/gone.html`, result(`${base}/gone.html`, 'not-found', { httpStatus: 404 })],
  [`${base}/moved.html`, result(`${base}/moved.html`, 'redirect', { httpStatus: 200, finalUrl: `${base}/new.html` })],
  ['https://other.example.com/', result('https://other.example.com/', 'bot-wall', { httpStatus: 412 })],
]);

describe('linkReport', () => {
  it('counts every link once by state, pending until answered, and never counts inconclusive as dead', () => {
    const report = linkReport(collected, results, 'running');
    expect(report.counts).toEqual({ dead: 2, inconclusive: 1, redirect: 1, ok: 3, pending: 1 });
    expect(report).toMatchObject({ checked: 7, total: 8, actions: 1, matching: 8, phase: 'running' });
  });

  it('filters by state, lists the most serious first, and limits the rows it sends', () => {
    const all = linkReport(collected, results, 'done');
    expect(all.rows.map((r) => r.state)).toEqual(['dead', 'dead', 'inconclusive', 'redirect', 'pending', 'ok', 'ok', 'ok']);
    const dead = linkReport(collected, results, 'done', 'dead');
    expect(dead.rows.map((r) => [r.url, r.reason, r.httpStatus])).toEqual([
      [`${base}/zwgk/index.html#nowhere`, 'missing-anchor', undefined],
      [`${base}/gone.html`, 'not-found', 404],
    ]);
    expect(dead.rows[1]?.count).toBe(2);
    const redirect = linkReport(collected, results, 'done', 'redirect');
    expect(redirect.rows[0]).toMatchObject({ finalUrl: `${base}/new.html`, reasonText: expect.any(String) });
    const ok = linkReport(collected, results, 'done', 'ok', 2);
    expect(ok.rows).toHaveLength(2);
    expect(ok.matching).toBe(3);
    expect(linkReport(collected, results, 'done', 'ok').rows.map((r) => r.reason)).toEqual(['ok', 'anchor-found', 'image-loaded']);
  });

  it('shows a cancelled link as not checked', () => {
    const withCancel = new Map(results).set(`${base}/later.html`, result(`${base}/later.html`, 'cancelled'));
    expect(linkReport(collected, withCancel, 'cancelled').counts.pending).toBe(1);
  });
});
