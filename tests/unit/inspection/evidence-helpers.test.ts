import { describe, expect, it } from 'vitest';
import { captionLines, formatCaptureTime, layoutCaption, wrapLine } from '@/lib/inspection/evidence-caption';
import { siteCodeFromPage } from '@/lib/inspection/site-code-from-page';
import { isQuotaError, storageErrorMessage } from '@/lib/inspection/storage-errors';
import { scoreInspection, withScore } from '@/lib/inspection/score-inspection';
import { newInspection } from '@/lib/db/inspection-store';
import { setItemStatus } from '@/lib/inspection/checklist';
import type { TextBlock } from '@/lib/scan/snapshot-types';

describe('evidence caption', () => {
  it('names page, time, site and findings, counting those beyond three', () => {
    const lines = captionLines({
      url: 'http://a.gov.cn/x.html',
      capturedAt: new Date(2026, 10, 20, 9, 5, 7),
      siteName: '青山市人民政府',
      siteCode: '3702000001',
      findings: [1, 2, 3, 4, 5].map((n) => ({ message: `问题${n}`, excerpt: n === 1 ? '上下文' : '' })),
    });
    expect(lines[0]).toBe('网址：http://a.gov.cn/x.html');
    expect(lines[1]).toContain('2026-11-20 09:05:07');
    expect(lines[1]).toContain('青山市人民政府（网站标识码 3702000001）');
    expect(lines[2]).toBe('问题1：问题1（上下文）');
    expect(lines.at(-1)).toBe('另有2个问题，详见证据清单');
    expect(captionLines({ url: 'u', capturedAt: new Date(), siteName: '', findings: [] })).toContain('问题：未关联具体问题');
  });

  it('wraps by measured width and cuts to the maximum number of lines', () => {
    const measure = (s: string) => Array.from(s).length * 10;
    expect(wrapLine('abcdefgh', 30, measure)).toEqual(['abc', 'def', 'gh']);
    expect(wrapLine('', 30, measure)).toEqual(['']);
    const laid = layoutCaption(['abcdefgh', 'xy'], 30, measure, 3);
    expect(laid).toEqual(['abc', 'def', 'g…']);
    expect(formatCaptureTime(new Date(2026, 0, 2, 3, 4, 5))).toBe('2026-01-02 03:04:05');
  });
});

describe('siteCodeFromPage', () => {
  const block = (text: string, region: TextBlock['region'] = 'footer'): TextBlock =>
    ({ text, region, hidden: false, source: 'page' }) as unknown as TextBlock;
  it('reads the footer first, then the SiteIDCode meta', () => {
    expect(siteCodeFromPage({ blocks: [block('网站标识码：3702000001')], footerText: '', meta: { siteidcode: '3702000009' } })).toEqual({ code: '3702000001', source: 'footer' });
    expect(siteCodeFromPage({ blocks: [block('主办单位：某某')], footerText: '', meta: { siteidcode: '3702000009' } })).toEqual({ code: '3702000009', source: 'meta' });
    expect(siteCodeFromPage({ blocks: [], footerText: '', meta: {} })).toEqual({ code: '', source: '' });
  });
});

describe('storage errors', () => {
  it('recognises a quota error wrapped by Dexie and says so in Chinese', () => {
    const wrapped = { name: 'AbortError', message: 'aborted', inner: { name: 'QuotaExceededError' } };
    expect(isQuotaError(wrapped)).toBe(true);
    expect(isQuotaError(new Error('x'))).toBe(false);
    expect(storageErrorMessage(wrapped, '截图')).toMatch(/^存储空间不足，截图未能保存/);
    expect(storageErrorMessage(new Error('坏了'), '截图')).toBe('截图未能保存：坏了');
  });
});

describe('scoreInspection', () => {
  it('ignores an override without a reason and applies one with a reason', () => {
    const record = newInspection('s', '2026Q4', '2026-11-20T00:00:00Z');
    record.checklist = setItemStatus(record.checklist, 'SV-W1', 'fail');
    expect(withScore(record).verdict).toBe('单项否决');
    expect(scoreInspection({ ...record, verdictOverride: { verdict: '合格', reason: ' ' } }).verdict).toBe('单项否决');
    expect(withScore({ ...record, verdictOverride: { verdict: '合格', reason: '已核实' } }).verdict).toBe('合格');
  });
});
