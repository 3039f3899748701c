import { describe, expect, it } from 'vitest';
import type { SiteRecord } from '../../../lib/db/records';
import type { HeaderColumns } from '../../../lib/site-list/header';
import { buildPreview, planImport } from '../../../lib/site-list/preview';
import type { RawRow } from '../../../lib/site-list/preview';

const COLUMNS: HeaderColumns = { name: 0, url: 1, code: 2 };
/** Data rows numbered from row 2, as under a one-row header. */
const rows = (...data: string[][]): RawRow[] => data.map((cells, i) => ({ cells, line: i + 2 }));

function site(overrides: Partial<SiteRecord>): SiteRecord {
  return { id: 's1', name: '已有网站', homeUrl: 'http://www.old.gov.cn/', siteCode: '', aliases: [], createdAt: 'x', updatedAt: 'x', ...overrides };
}

describe('row validation', () => {
  it.each<[string, string[], 'ok' | 'error', RegExp | null]>([
    ['a good row', ['甲', 'http://a.gov.cn', '4101000001'], 'ok', null],
    ['no scheme: warning, http:// added', ['甲', 'a.gov.cn', ''], 'ok', /^第2行：首页网址“a\.gov\.cn”缺少 http:\/\/ 或 https:\/\/，已按 http:\/\/ 补全$/],
    ['empty name', ['', 'http://a.gov.cn', ''], 'error', /^第2行：网站名称为空$/],
    ['empty URL', ['甲', '', ''], 'error', /^第2行：首页网址为空$/],
    ['code with 8 digits', ['甲', 'http://a.gov.cn', '41010000'], 'error', /^第2行：网站标识码“41010000”应为10位数字（当前8位）$/],
    ['code with a bad province', ['甲', 'http://a.gov.cn', '9901000001'], 'error', /第2行：.*省级行政区划代码/],
  ])('%s', (_name, cells, outcome, message) => {
    const preview = buildPreview(rows(cells), COLUMNS, []);
    expect(preview.rowsOk.length).toBe(outcome === 'ok' ? 1 : 0);
    expect(preview.rowsWithErrors.length).toBe(outcome === 'error' ? 1 : 0);
    if (message) expect(preview.messages.map((m) => m.text)).toContainEqual(expect.stringMatching(message));
    else expect(preview.messages).toEqual([]);
  });

  it('skips blank rows and keeps row numbers', () => {
    const preview = buildPreview(rows(['', '', ''], ['甲', 'http://a.gov.cn', '']), COLUMNS, []);
    expect(preview.summary.dataRows).toBe(1);
    expect(preview.rowsOk[0]?.lines).toEqual([3]);
  });
});

describe('duplicates inside the file', () => {
  it('merges the same URL (http/https, www, index page) with a note, filling a missing code', () => {
    const preview = buildPreview(
      rows(['甲', 'http://www.a.gov.cn/', ''], ['甲网', 'https://a.gov.cn/index.html', '4101000001']),
      COLUMNS,
      [],
    );
    expect(preview.rowsOk).toHaveLength(1);
    expect(preview.rowsOk[0]).toMatchObject({ lines: [2, 3], name: '甲', siteCode: '4101000001' });
    expect(preview.summary.mergedInFile).toBe(1);
    expect(preview.messages.map((m) => m.text)).toEqual([
      '第3行：与第2行重复（首页网址和网站标识码相同），已合并，名称“甲网”与之不同，保留“甲”',
    ]);
  });

  it('the same code on two different URLs is an error on both rows', () => {
    const preview = buildPreview(
      rows(['甲', 'http://a.gov.cn', '4101000001'], ['乙', 'http://b.gov.cn', '4101000001'], ['丙', 'http://c.gov.cn', '']),
      COLUMNS,
      [],
    );
    expect(preview.rowsOk.map((r) => r.name)).toEqual(['丙']);
    expect(preview.rowsWithErrors.map((r) => r.lines[0])).toEqual([2, 3]);
    expect(preview.messages.filter((m) => m.level === 'error').map((m) => m.line)).toEqual([2, 3]);
    expect(preview.messages.find((m) => m.line === 3)?.text).toMatch(/网站标识码“4101000001”与第2行相同，但首页网址不同/);
  });

  it('the same URL with two different codes is an error', () => {
    const preview = buildPreview(rows(['甲', 'http://a.gov.cn', '4101000001'], ['甲', 'http://a.gov.cn', '4101000002']), COLUMNS, []);
    expect(preview.rowsOk).toEqual([]);
    expect(preview.summary.errors).toBe(2);
  });
});

describe('against stored sites', () => {
  it.each<[string, SiteRecord, string[], 'merge' | 'new' | 'error', RegExp]>([
    ['same URL → merge, code filled in', site({}), ['旧站', 'https://old.gov.cn', '4101000001'], 'merge', /已有网站“已有网站”，将合并，补充网站标识码“4101000001”；名称“旧站”与已有名称不同，保留“已有网站”/],
    ['same URL through an alias host', site({ aliases: ['old2.gov.cn'] }), ['旧站', 'http://www.old2.gov.cn/', ''], 'merge', /将合并/],
    ['same code, other URL → error', site({ siteCode: '4101000001' }), ['新站', 'http://new.gov.cn', '4101000001'], 'error', /网站标识码“4101000001”已属于已有网站“已有网站”（http:\/\/www\.old\.gov\.cn\/），但首页网址不同/],
    ['same URL, other code → error', site({ siteCode: '4101000009' }), ['旧站', 'http://old.gov.cn', '4101000001'], 'error', /网站标识码不同（已有“4101000009”）/],
    ['nothing in common → new', site({}), ['新站', 'http://new.gov.cn', ''], 'new', /^$/],
  ])('%s', (_name, stored, cells, outcome, message) => {
    const preview = buildPreview(rows(cells), COLUMNS, [stored]);
    expect(preview.merges.length).toBe(outcome === 'merge' ? 1 : 0);
    expect(preview.rowsOk.length).toBe(outcome === 'new' ? 1 : 0);
    expect(preview.rowsWithErrors.length).toBe(outcome === 'error' ? 1 : 0);
    expect(preview.messages.map((m) => m.text).join('')).toMatch(message);
  });

  it('code of one stored site and URL of another → error', () => {
    const a = site({ id: 'a', name: '甲', homeUrl: 'http://a.gov.cn/', siteCode: '4101000001' });
    const b = site({ id: 'b', name: '乙', homeUrl: 'http://b.gov.cn/' });
    const preview = buildPreview(rows(['乙', 'http://b.gov.cn', '4101000001']), COLUMNS, [a, b]);
    expect(preview.messages[0]?.text).toBe('第2行：网站标识码与已有网站“甲”相同，首页网址却与已有网站“乙”相同');
  });
});

describe('planImport', () => {
  it('creates the new sites and fills stored ones; error rows are left out', () => {
    const stored = site({});
    const preview = buildPreview(
      rows(['甲', 'a.gov.cn', '4101000001'], ['旧', 'http://old.gov.cn', '4101000002'], ['', 'http://x.gov.cn', '']),
      COLUMNS,
      [stored],
    );
    let n = 0;
    const plan = planImport(preview, new Date('2026-10-08T02:00:00Z'), () => `id-${++n}`);
    expect(plan.create).toEqual([
      { id: 'id-1', name: '甲', homeUrl: 'http://a.gov.cn/', siteCode: '4101000001', aliases: [], createdAt: '2026-10-08T02:00:00.000Z', updatedAt: '2026-10-08T02:00:00.000Z' },
    ]);
    expect(plan.update).toEqual([{ ...stored, siteCode: '4101000002', updatedAt: '2026-10-08T02:00:00.000Z' }]);
  });

  it('a merge that changes nothing updates nothing', () => {
    const stored = site({ siteCode: '4101000002' });
    const preview = buildPreview(rows(['旧', 'http://old.gov.cn', '4101000002']), COLUMNS, [stored]);
    expect(planImport(preview, new Date(), () => 'x')).toEqual({ create: [], update: [] });
  });
});
