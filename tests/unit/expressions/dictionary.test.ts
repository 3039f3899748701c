import { describe, expect, it } from 'vitest';
import expressionsFile from '../../../lib/expressions/data/expressions.json';
import typosFile from '../../../lib/expressions/data/typos.json';
import { DictionaryError, mergeDictionary, parseDictionary, parseEntry } from '../../../lib/expressions/dictionary';
import { loadDefaultDictionary } from '../../../lib/expressions/default-dictionary';
import { EXPRESSION_CATEGORIES } from '../../../lib/expressions/types';

describe('bundled dictionary', () => {
  const dict = loadDefaultDictionary();

  it('has at least 400 fixed expressions and 300 typo pairs, every one dated and sourced', () => {
    expect(dict.entries.length).toBeGreaterThanOrEqual(400);
    expect(dict.typos.length).toBeGreaterThanOrEqual(300);
    for (const e of dict.entries) {
      expect(e.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(e.source.length).toBeGreaterThan(0);
      for (const s of e.source) expect(dict.sources[s], `${e.id} source ${s}`).toBeTruthy();
    }
    for (const t of dict.typos) for (const s of t.source) expect(dict.sources[s]).toBeTruthy();
  });

  it('covers every category, with veto only for leaders and party meetings', () => {
    for (const c of EXPRESSION_CATEGORIES) expect(dict.entries.some((e) => e.category === c), c).toBe(true);
    for (const e of dict.entries) {
      const veto = e.category === '领导人姓名与职务' || e.category === '党的会议名称';
      expect(e.severity).toBe(veto ? 'veto' : 'major');
    }
  });

  it('lists every wrong form once, never as a correct form, and keeps outdated forms with their date', () => {
    const correct = new Set(dict.entries.map((e) => e.correct));
    const wrong = [...dict.entries.flatMap((e) => e.wrong.map((w) => w.form)), ...dict.typos.map((t) => t.wrong)];
    expect(new Set(wrong).size).toBe(wrong.length);
    for (const w of wrong) expect(correct.has(w), w).toBe(false);
    const outdated = dict.entries.flatMap((e) => e.wrong.filter((w) => w.kind === 'outdated'));
    expect(outdated.map((w) => w.form)).toContain('以习近平同志为总书记的党中央');
    for (const w of outdated) expect(w.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('parseDictionary', () => {
  it('accepts the bundled files as JSON text too', () => {
    const d = parseDictionary(JSON.stringify(expressionsFile), JSON.stringify(typosFile));
    expect(d.version).toBe('2026.03.1');
  });

  it('refuses malformed files with a Chinese message', () => {
    expect(() => parseDictionary('{not json', typosFile)).toThrow(DictionaryError);
    expect(() => parseDictionary('{not json', typosFile)).toThrow('不是有效的JSON文件');
    expect(() => parseDictionary({ entries: 'x' }, typosFile)).toThrow('缺少 entries');
    expect(() => parseDictionary(null, typosFile)).toThrow('格式不对');
    expect(() => parseDictionary({ entries: [{ correct: '国务院', wrong: [], category: '外星' }] }, typosFile)).toThrow(
      '第1条：类别“外星”不在类别表中',
    );
  });

  it('refuses empty and one-character terms', () => {
    const entry = (correct: string, wrong: string[]) => ({ correct, wrong, category: '一般', source: [] });
    expect(() => parseEntry(entry('', []), '第3条')).toThrow('第3条：正确写法为空');
    expect(() => parseEntry(entry('国', []), '第3条')).toThrow('只有一个字');
    expect(() => parseEntry(entry('国务院', ['园']), '第3条')).toThrow('只有一个字');
    expect(() => parseEntry(entry('国务院', ['国务院']), '第3条')).toThrow('错误写法与正确写法相同');
  });
});

describe('mergeDictionary', () => {
  const base = loadDefaultDictionary();
  const local = parseEntry(
    { correct: '市委书记张三', wrong: ['市委书记张山'], category: '领导人姓名与职务', source: ['市委网站'], local: true },
    'local',
  );

  it('adds local entries and leaves out disabled categories', () => {
    const merged = mergeDictionary(base, { local: [local], disabledCategories: ['一般'] });
    expect(merged.entries.some((e) => e.correct === '市委书记张三')).toBe(true);
    expect(merged.entries.some((e) => e.category === '一般')).toBe(false);
    expect(mergeDictionary(base, { typos: false }).typos).toEqual([]);
  });

  it('adds a local wrong form to a bundled entry with the same correct form', () => {
    const extra = parseEntry({ correct: '国务院', wrong: ['国务阮'], category: '机构名称', source: [] }, 'local');
    const merged = mergeDictionary(base, { local: [extra] });
    const entry = merged.entries.find((e) => e.correct === '国务院')!;
    expect(entry.wrong.map((w) => w.form)).toContain('国务阮');
    expect(entry.wrong.map((w) => w.form)).toContain('国务园');
    expect(base.entries.find((e) => e.correct === '国务院')!.wrong.map((w) => w.form)).not.toContain('国务阮');
  });
});
