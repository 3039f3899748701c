import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dateAnomalyCheck } from '../../../lib/checks/date-anomaly';
import { makeSnapshot, type BlockSpec } from '../dates/make-snapshot';

const ctx = { now: new Date('2026-11-22T10:00:00+08:00') };
const run = (blocks: BlockSpec[], extra = {}) => dateAnomalyCheck.run(makeSnapshot(blocks, extra), ctx);
const li = (text: string): BlockSpec => ({ text, tag: 'li' });

describe('date-anomaly: future publication dates', () => {
  it.each<[string, BlockSpec[]]>([
    ['list item ending in a date', [{ text: '通知公告', tag: 'h2' }, li('关于做好2026年冬季安全生产工作的通知 2026-12-15')]],
    ['list item starting with a bracketed date', [li('[2027-01-03] 市政府召开常务会议')]],
    ['list item with Chinese date at the end', [li('区长主持召开区政府常务会议 2026年12月08日')]],
    ['list item with a time', [li('市领导调研重点项目建设 2026/12/01 09:30')]],
    ['labelled 发布时间', ['发布时间：2026-12-25 10:30 来源：市政府办公室']],
    ['labelled 发布日期 in a running text block', ['本文发布日期：2027年1月1日，请注意查收。']],
    ['labelled 成文日期', ['成文日期：2026-12-31']],
    ['bare 日期 in a metadata line', ['日期：2026-12-03 作者：张三 浏览次数：128']],
    ['metadata line starting with the date', ['2026-12-03 来源：本网 字号：大 中 小']],
    ['date alone under the title', [{ text: '关于开展冬季植树活动的通知', tag: 'h1' }, '2026-11-30']],
    ['list item of a table row found by listItems', [{ text: '关于印发某某办法的通知 2026-12-10', tag: 'td' }]],
    ['title date and 发布于', ['发布于 2026.11.28']],
  ])('%s', (_name, blocks) => {
    const extra = _name.includes('listItems')
      ? { listItems: [{ text: '关于印发某某办法的通知 2026-12-10', url: 'https://x.gov.cn/a.html', list: 0, region: 'main' as const }] }
      : {};
    const results = run(blocks, extra);
    expect(results).toHaveLength(1);
    const r = results[0]!;
    expect(r).toMatchObject({ check: 'date-anomaly', severity: 'major' });
    expect(r.message).toContain('晚于检查当天（2026-11-22）');
    expect(r.detail).toMatchObject({ kind: 'future' });
    const loc = r.location;
    expect(loc?.kind).toBe('text');
    if (loc?.kind !== 'text') return;
    const block = makeSnapshot(blocks).blocks[loc.block]!;
    expect(block.text.slice(loc.start, loc.end)).toBe(r.subject);
  });

  it('allows one day ahead (time zones, late publication)', () => {
    expect(run([li('市政府召开常务会议 2026-11-23')])).toEqual([]);
    expect(run([li('市政府召开常务会议 2026-11-24')])).toHaveLength(1);
  });

  it('uses China time for today', () => {
    // 2026-11-22 20:00 UTC is already 23 November in China: the 24th is within tolerance.
    const late = { now: new Date('2026-11-22T20:00:00Z') };
    expect(dateAnomalyCheck.run(makeSnapshot([li('动态 2026-11-24')]), late)).toEqual([]);
  });

  it('reports a repeated date once', () => {
    expect(run([li('会议一 2026-12-15'), li('会议二 2026-12-15')])).toHaveLength(1);
  });
});

describe('date-anomaly: legitimate future dates are not flagged', () => {
  it.each([
    '本通知有效期至2030年12月31日。',
    '本办法自2027年1月1日起施行。',
    '本规定自2027年1月1日起实施，有效期5年。',
    '请于2026年12月30日前将材料报送市政务公开办。',
    '报名截止时间：2026-12-15 17:00',
    '截止日期：2026年12月31日',
    '会议时间：2026年12月3日上午9:00',
    '一、时间：2026年12月3日（星期四）上午9:00',
    '定于2026年12月5日在市民中心举办政策宣讲会。',
    '到2027年，全市基本建成现代化基础设施体系。',
    '展望2035年远景目标，我们要坚定信心。',
    '2027年1月1日起，全市实行新的垃圾分类标准。',
    '活动时间：2026.12.20—2027.01.10',
    '考试时间为2026年12月12日，请考生提前到达。',
    '受理期限：2026年11月25日至2026年12月25日',
    '公示期为2026年11月20日至2026年11月29日。',
    '2026年11月5日，市政府召开第45次常务会议。',
    '预计2026年12月底前完成主体工程建设。',
    '2026年12月1日至2027年2月28日为冬季供暖期。',
  ])('%s', (text) => {
    expect(run([text])).toEqual([]);
  });

  it.each([
    '关于2027年1月1日起调整最低工资标准的通知 2026-11-10',
    '关于召开2026年12月5日全市工作会议的通知 [2026-11-20]',
    '关于开展2027年度预算编制工作的通知 2026-11-18',
    '有效期至2030年12月31日',
    '时间：2026年12月3日',
    '报名时间：2026-11-25至2026-12-05',
  ])('list item %s', (text) => {
    expect(run([li(text)])).toEqual([]);
  });

  it('does not flag lists of coming events', () => {
    expect(run([{ text: '活动预告', tag: 'h3' }, li('政策宣讲进社区 2026-12-05')])).toEqual([]);
  });

  it('does not flag past or current dates', () => {
    expect(run([li('通知 2026-11-22'), '发布时间：2026-11-21', li('动态 2025-01-01')])).toEqual([]);
  });

  it('skips hidden blocks', () => {
    expect(run([{ text: '发布时间：2026-12-25', tag: 'p', hidden: ['display-none'] }])).toEqual([]);
  });

  it('does not treat a date in running text under a title as the publication date', () => {
    expect(run([{ text: '通知', tag: 'h1' }, '请各单位于2026年12月30日前完成自查。'])).toEqual([]);
  });
});

describe('date-anomaly: impossible dates', () => {
  it.each([
    ['2026年2月30日，市政府召开常务会议。', '2026年2月30日', 'day'],
    ['发布时间：2026-13-05', '2026-13-05', 'month'],
    ['本通知自2025年4月31日起施行。', '2025年4月31日', 'day'],
    ['发布时间：0000-00-00 00:00:00', '0000-00-00', 'month'],
    ['2106-05-12 来源：本网', '2106-05-12', 'year'],
  ])('%s', (text, subject, problem) => {
    const results = run([text]);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ severity: 'major', subject, detail: { kind: 'impossible', problem } });
    expect(results[0]!.message).toContain('不存在');
  });

  it('flags an impossible year alone in a list item and in a year heading', () => {
    const results = run([{ text: '2106年', tag: 'h3' }, li('2106年第三季度政府网站检查情况通报')]);
    expect(results.map((r) => r.subject)).toEqual(['2106年']);
    expect(results[0]!.message).toContain('不可能');
    const both = run([{ text: '2107年', tag: 'h3' }, li('2106年度部门决算公开')]);
    expect(both.map((r) => r.subject)).toEqual(['2107年', '2106年度']);
  });

  it('does not flag a far year in running text or a plausible one anywhere', () => {
    expect(run(['到2100年，全球气温上升不超过1.5摄氏度。', li('2035年远景目标纲要')])).toEqual([]);
  });

  it('reads dates kept in list-item attributes', () => {
    const listItems = [
      { text: '关于某事的通知', url: 'https://x.gov.cn/1.html', dateAttr: '2027-02-01', list: 0, region: 'main' as const },
      { text: '关于另一事的通知', url: 'https://x.gov.cn/2.html', dateAttr: '2026-02-30', list: 0, region: 'main' as const },
      { text: '往期', url: 'https://x.gov.cn/3.html', dateAttr: '2026-10-01', list: 0, region: 'main' as const },
    ];
    const results = run([], { listItems });
    expect(results.map((r) => [r.subject, r.detail?.kind])).toEqual([
      ['2027-02-01', 'future'],
      ['2026-02-30', 'impossible'],
    ]);
    expect(results[0]!.location).toBeUndefined();
  });
});

describe('date-anomaly on real government texts (/work/shared/corpus, corpus-long)', () => {
  // Each non-empty line becomes one paragraph block, as the page snapshot gives running text.
  const dirs = [new URL('../../../../shared/corpus/', import.meta.url), new URL('../../../../shared/corpus-long/', import.meta.url)];
  const pages = dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.txt') && name !== 'README.md')
      .map((name) => {
        const lines = readFileSync(new URL(name, dir), 'utf8')
          .split('\n')
          .filter((line) => line.trim() !== '' && !line.startsWith('# '));
        return { name, snapshot: makeSnapshot(lines) };
      }),
  );

  it('reads all 38 texts', () => {
    expect(pages).toHaveLength(38);
  });

  it('finds nothing on 2026-11-22 (the newest date in the corpus is 2026-01-27)', () => {
    const found = pages.flatMap((p) => run(p.snapshot.blocks).map((r) => `${p.name}: ${r.subject}`));
    expect(found).toEqual([]);
  });

  it('on 2005-01-01, when every date is in the future, flags only labelled publication dates and metadata lines', () => {
    const early = { now: new Date('2005-01-01T00:00:00+08:00') };
    const found = pages.flatMap((p) => dateAnomalyCheck.run(p.snapshot, early));
    // 009 公开日期, 013 发布时间, 014 成文日期, 017 发布时间, 020 发布时间, 022 metadata line, 025 发文日期.
    expect(found.length).toBe(7);
    for (const r of found) {
      expect(['label', 'metadata']).toContain(r.detail?.placement);
      expect(r.excerpt).toMatch(/(?:日期|时间)\s*[:：]|来源/);
    }
  });
});

describe('impossible month-day without a year', () => {
  const now = new Date('2026-11-22T08:00:00+08:00');
  const snap = (text: string) => makeSnapshot([text], { url: 'http://127.0.0.1/a.html', title: '' });
  it('flags 2月30日 in running text, once, on its characters', () => {
    const results = dateAnomalyCheck.run(snap('计划于2月30日前完成全部楼栋外立面改造。'), { now });
    expect(results.map((r) => r.subject)).toEqual(['2月30日']);
    expect(results[0]?.location).toEqual({ kind: 'text', block: 0, start: 3, end: 8 });
  });
  it('accepts 2月29日 and numeric month-day forms', () => {
    expect(dateAnomalyCheck.run(snap('2月29日召开会议，编号13-05、02-30号楼。'), { now })).toEqual([]);
  });
});
