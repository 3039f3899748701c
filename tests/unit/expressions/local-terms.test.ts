import { describe, expect, it } from 'vitest';
import { loadDefaultDictionary } from '../../../lib/expressions/default-dictionary';
import { exportLocalTerms, importLocalTerms, parseCsv } from '../../../lib/expressions/local-terms';

const base = loadDefaultDictionary();
const today = new Date('2026-04-01T00:00:00Z');

describe('importLocalTerms', () => {
  it('reads CSV with the four columns, several wrong forms per cell and a BOM', () => {
    const csv = '\uFEFF正确写法,错误写法,类别,来源\r\n市委书记张三,市委书记张山；市委书纪张三,领导人姓名与职务,市委网站\r\n"长安区人民政府","长按区人民政府",机构名称,\r\n';
    const result = importLocalTerms(csv, 'csv', base, today);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.entries).toHaveLength(2);
    expect(result.entries[0]).toMatchObject({
      correct: '市委书记张三',
      category: '领导人姓名与职务',
      severity: 'veto',
      source: ['市委网站'],
      asOf: '2026-04-01',
      local: true,
    });
    expect(result.entries[0]!.wrong.map((w) => w.form)).toEqual(['市委书记张山', '市委书纪张三']);
    expect(result.entries[1]!.source).toEqual(['本地词条']);
  });

  it('names every bad row with its reason and imports nothing', () => {
    const csv = [
      '正确写法,错误写法,类别,来源',
      '市长李四,市长李泗,领导人姓名与职务,市政府网站',
      ',市长王五,领导人姓名与职务,',
      '李,里,领导人姓名与职务,',
      '市长赵六,市长赵六,领导人姓名与职务,',
      '区长钱七,区长钱漆,外星类别,',
      '国务院办公厅,国务院,机构名称,',
    ].join('\n');
    const result = importLocalTerms(csv, 'csv', base, today);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      '第3行：正确写法为空',
      '第4行：正确写法“李”只有一个字，单字无法可靠匹配，请写出完整词语',
      '第5行：错误写法“市长赵六”与正确写法相同',
      '第6行：类别“外星类别”无效，应为：领导人姓名与职务、党的会议名称、重要理论与提法、机构名称、法律法规与文件名称、涉港澳台与行政区划提法、一般',
      '第7行：错误写法“国务院”是词典中的正确写法，不能作为错误写法',
    ]);
  });

  it('reads JSON (its own export, or a plain list) and refuses malformed JSON clearly', () => {
    const json = JSON.stringify([{ correct: '县长孙八', wrong: ['县长孙巴'], category: '领导人姓名与职务', source: '县政府' }]);
    const result = importLocalTerms(json, 'json', base, today);
    expect(result.ok && result.entries[0]!.correct).toBe('县长孙八');
    expect(importLocalTerms('{oops', 'json')).toEqual({ ok: false, errors: ['不是有效的JSON文件'] });
    expect(importLocalTerms('{"x":1}', 'json')).toEqual({ ok: false, errors: ['JSON文件中缺少词条列表（entries）'] });
    expect(importLocalTerms('[]', 'json')).toEqual({ ok: false, errors: ['文件中没有词条'] });
    const oneChar = importLocalTerms(JSON.stringify([{ correct: '县长孙八', wrong: ['孙'] }]), 'json');
    expect(oneChar).toEqual({ ok: false, errors: ['第1条：错误写法“孙”只有一个字，单字无法可靠匹配，请写出完整词语'] });
  });

  it('refuses a CSV without the header or with an open quote', () => {
    expect(importLocalTerms('a,b\n1,2', 'csv')).toEqual({ ok: false, errors: ['CSV第1行应为表头：正确写法,错误写法,类别,来源'] });
    expect(importLocalTerms('正确写法\n"市长', 'csv')).toEqual({ ok: false, errors: ['CSV文件中有未闭合的引号'] });
  });
});

describe('exportLocalTerms', () => {
  it('round-trips through CSV and JSON', () => {
    const csv = '正确写法,错误写法,类别,来源\n"市委书记张三","市委书记张山；市委书记章三",领导人姓名与职务,"市委网站, 2026"\n';
    const first = importLocalTerms(csv, 'csv', base, today);
    if (!first.ok) throw new Error(first.errors.join());
    for (const format of ['csv', 'json'] as const) {
      const again = importLocalTerms(exportLocalTerms(first.entries, format), format, base, today);
      expect(again.ok && again.entries).toEqual(first.entries);
    }
    expect(exportLocalTerms(first.entries, 'csv').startsWith('\uFEFF正确写法,错误写法,类别,来源\r\n')).toBe(true);
  });

  it('quotes CSV fields with commas, quotes and line breaks', () => {
    expect(parseCsv('a,"b,""c""\nd"\r\ne,f')).toEqual([['a', 'b,"c"\nd'], ['e', 'f']]);
  });
});
