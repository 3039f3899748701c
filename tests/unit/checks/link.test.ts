import { describe, expect, it } from 'vitest';
import { linkCheck, linkResultFindings } from '../../../lib/checks/link';
import type { LinkCheckResult } from '../../../lib/links/check-link';
import { classification } from '../../../lib/links/classify-status';
import type { LinkReason } from '../../../lib/links/classify-status';
import { collectLinks } from '../../../lib/links/collect-links';
import { link, makeSnapshot } from '../links/make-snapshot';

const CTX = { now: new Date('2026-06-30T00:00:00Z') };

function result(url: string, reason: LinkReason, extra: Partial<LinkCheckResult> = {}): LinkCheckResult {
  return { ...classification(reason, extra.httpStatus), url, finalUrl: url, chain: [], method: 'GET', attempts: 1, checkedAt: 1, ...extra };
}

describe('linkCheck (page part)', () => {
  it('reports malformed URLs, broken images and missing anchors with their elements', () => {
    const bad = link('http://http://www.example.gov.cn/', { url: 'http://http//www.example.gov.cn/', text: '首页' });
    const img = link('/images/banner.jpg', { kind: 'img', broken: true, text: '横幅' });
    const anchor = link('#fj1', { text: '附件1' });
    const findings = linkCheck.run(makeSnapshot({ links: [bad, img, anchor, link('/ok.html')] }), CTX);
    expect(findings.map((f) => [f.severity, f.location, f.detail?.['reason']])).toEqual([
      ['major', { kind: 'element', ref: bad.ref }, 'malformed-url'],
      ['major', { kind: 'element', ref: img.ref }, 'missing-image'],
      ['minor', { kind: 'element', ref: anchor.ref }, 'missing-anchor'],
    ]);
    expect(findings.every((f) => f.check === 'link' && /[\u4e00-\u9fff]/.test(f.message))).toBe(true);
    expect(findings[2]?.message).toContain('#fj1');
  });

  it('finds nothing on a clean page', () => {
    expect(linkCheck.run(makeSnapshot({ anchors: ['a'], links: [link('#a'), link('/x.html')] }), CTX)).toEqual([]);
  });
});

describe('linkResultFindings', () => {
  const dead = link('/gone.html', { text: '旧通知' });
  const again = link('/gone.html', { text: '旧通知' });
  const moved = link('/moved.html', { text: '搬家' });
  const wall = link('https://other.example.com/', { text: '外站' });
  const fine = link('/ok.html');
  const cancelled = link('/later.html');
  const snapshot = makeSnapshot({ links: [dead, again, moved, wall, fine, cancelled] });
  const collected = collectLinks(snapshot);
  const base = 'https://www.example.gov.cn';
  const results = new Map<string, LinkCheckResult>([
    [`${base}/gone.html`, result(`${base}/gone.html`, 'not-found', { httpStatus: 404 })],
    [`${base}/moved.html`, result(`${base}/moved.html`, 'redirect', { httpStatus: 200, finalUrl: `${base}/new.html`, chain: [{ url: `${base}/moved.html`, status: 301 }] })],
    ['https://other.example.com/', result('https://other.example.com/', 'bot-wall', { httpStatus: 412 })],
    [`${base}/ok.html`, result(`${base}/ok.html`, 'ok', { httpStatus: 200 })],
    [`${base}/later.html`, result(`${base}/later.html`, 'cancelled')],
  ]);
  const all = linkResultFindings(collected, results);
  /** The first result of each target (a target linked twice gives one result per link element). */
  const findings = all.filter((f, i) => all.findIndex((g) => g.subject === f.subject) === i);

  it('gives one result per link element of a target, with the same subject, so every link gets its mark', () => {
    expect(all.filter((f) => f.subject === `${base}/gone.html`).map((f) => f.location)).toEqual([
      { kind: 'element', ref: dead.ref },
      { kind: 'element', ref: again.ref },
    ]);
  });

  it('gives one finding per dead, redirected or inconclusive target and none for ok or cancelled', () => {
    expect(findings.map((f) => [f.target, f.severity, f.detail?.['state']])).toEqual([
      [`${base}/gone.html`, 'major', 'dead'],
      [`${base}/moved.html`, 'info', 'redirect'],
      ['https://other.example.com/', 'info', 'inconclusive'],
    ]);
  });

  it('carries status, reason, final URL, chain and the first element', () => {
    expect(findings[0]).toMatchObject({
      check: 'link',
      httpStatus: 404,
      subject: `${base}/gone.html`,
      excerpt: '旧通知',
      location: { kind: 'element', ref: dead.ref },
      detail: { reason: 'not-found', sameSite: true, refs: [dead.ref, again.ref] },
    });
    expect(findings[1]?.message).toContain(`${base}/new.html`);
    expect(findings[1]?.detail?.['chain']).toEqual([{ url: `${base}/moved.html`, status: 301 }]);
  });

  it('never words an inconclusive link as dead', () => {
    expect(findings[2]?.message).not.toContain('错链');
    expect(findings[2]?.message).toContain('瑞数');
    expect(findings[2]?.detail?.['sameSite']).toBe(false);
  });
});
