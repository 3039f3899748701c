import { describe, expect, it } from 'vitest';
import { freshDatabases } from '../../support/fresh-db';
import {
  addLocalTerm,
  effectiveDictionary,
  exportLocalTermsFile,
  importLocalTermsFile,
  isDefaultDictionary,
  readDictionarySettings,
  removeLocalTerm,
  setDictionarySwitch,
} from '@/lib/db/dictionary-store';
import { loadDefaultDictionary } from '@/lib/expressions/default-dictionary';
import { DictionaryError } from '@/lib/expressions/dictionary';
import { compileDictionary, findHits } from '@/lib/expressions/matcher';

const NOW = new Date('2026-11-20T08:00:00Z');
const base = loadDefaultDictionary();
const SECRETARY = { correct: '青山市委书记王建国', wrong: ['青山市委书记王建图'], category: '领导人姓名与职务' as const, source: '青山市委官网 2026-11' };

const freshDb = freshDatabases('dictionary');

describe('dictionary settings over IndexedDB', () => {
  it('starts with everything on and no local terms', async () => {
    const settings = await readDictionarySettings(freshDb());
    expect(settings).toEqual({ local: [], disabledCategories: [], typos: true, updatedAt: '' });
    expect(isDefaultDictionary(settings)).toBe(true);
  });

  it('adds a local term that the merged dictionary then finds, with its severity and source', async () => {
    const db = freshDb();
    const settings = await addLocalTerm(db, SECRETARY, base, NOW);
    expect(settings.local).toHaveLength(1);
    expect(settings.local[0]).toMatchObject({ correct: SECRETARY.correct, severity: 'veto', local: true, source: [SECRETARY.source], asOf: '2026-11-20' });
    const stored = await readDictionarySettings(db);
    expect(stored.local[0]?.wrong.map((w) => w.form)).toEqual(['青山市委书记王建图']);
    const dict = compileDictionary(effectiveDictionary(base, stored));
    const hits = findHits(dict, '会上，青山市委书记王建图讲话。');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ check: 'expression', written: '青山市委书记王建图', correct: SECRETARY.correct, severity: 'veto' });
  });

  it('refuses an empty term and a one-character term with a Chinese reason', async () => {
    const db = freshDb();
    await expect(addLocalTerm(db, { ...SECRETARY, correct: '  ' }, base, NOW)).rejects.toThrow(/正确写法为空/);
    await expect(addLocalTerm(db, { ...SECRETARY, wrong: ['王'] }, base, NOW)).rejects.toThrow(DictionaryError);
    await expect(addLocalTerm(db, { ...SECRETARY, wrong: ['王'] }, base, NOW)).rejects.toThrow(/一个字/);
    expect((await readDictionarySettings(db)).local).toEqual([]);
  });

  it('refuses a wrong form that is a correct form of the bundled dictionary or of another local term', async () => {
    const db = freshDb();
    await expect(addLocalTerm(db, { ...SECRETARY, wrong: ['扫黑除恶'] }, base, NOW)).rejects.toThrow(/正确写法/);
    await addLocalTerm(db, SECRETARY, base, NOW);
    await expect(addLocalTerm(db, { correct: '青山市市长李明', wrong: ['青山市委书记王建图'], category: '领导人姓名与职务', source: '' }, base, NOW)).rejects.toThrow(/已在本地词条/);
  });

  it('replaces the entry of the same correct form instead of doubling it, and removes by id', async () => {
    const db = freshDb();
    await addLocalTerm(db, SECRETARY, base, NOW);
    const again = await addLocalTerm(db, { ...SECRETARY, wrong: ['青山市委书记王建囯', '青山市委书计王建国'] }, base, NOW);
    expect(again.local).toHaveLength(1);
    expect(again.local[0]?.wrong.map((w) => w.form)).toEqual(['青山市委书记王建囯', '青山市委书计王建国']);
    const after = await removeLocalTerm(db, again.local[0]!.id, NOW);
    expect(after.local).toEqual([]);
  });

  it('imports a CSV all or nothing: a bad row is named and nothing is stored', async () => {
    const db = freshDb();
    const bad = '正确写法,错误写法,类别,来源\n青山市市长李明,青山市长李名,领导人姓名与职务,市政府网站\n青山市委,,不存在的类别,\n';
    const refused = await importLocalTermsFile(db, bad, 'csv', base, NOW);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors.join('\n')).toMatch(/第3行.*类别/);
    expect((await readDictionarySettings(db)).local).toEqual([]);

    const good = '正确写法,错误写法,类别,来源\n青山市市长李明,青山市长李名；青山市市长李铭,领导人姓名与职务,市政府网站\n';
    const imported = await importLocalTermsFile(db, good, 'csv', base, NOW);
    expect(imported).toMatchObject({ ok: true, imported: 1 });
    const csv = await exportLocalTermsFile(db, 'csv');
    expect(csv).toContain('青山市市长李明,青山市长李名；青山市市长李铭,领导人姓名与职务,市政府网站');
    const json = JSON.parse(await exportLocalTermsFile(db, 'json')) as { entries: { correct: string }[] };
    expect(json.entries.map((e) => e.correct)).toEqual(['青山市市长李明']);
  });

  it('switches categories and the typo list off and on, and the merged dictionary follows', async () => {
    const db = freshDb();
    let settings = await setDictionarySwitch(db, '重要理论与提法', false, NOW);
    settings = await setDictionarySwitch(db, 'typos', false, NOW);
    expect(settings).toMatchObject({ disabledCategories: ['重要理论与提法'], typos: false });
    expect(isDefaultDictionary(settings)).toBe(false);
    const merged = effectiveDictionary(base, await readDictionarySettings(db));
    expect(merged.entries.some((e) => e.category === '重要理论与提法')).toBe(false);
    expect(merged.typos).toEqual([]);
    settings = await setDictionarySwitch(db, '重要理论与提法', true, NOW);
    settings = await setDictionarySwitch(db, 'typos', true, NOW);
    expect(isDefaultDictionary(settings)).toBe(true);
    await expect(setDictionarySwitch(db, '无此类别' as never, false, NOW)).rejects.toThrow(/类别/);
  });

  it('reads damaged stored settings as the defaults instead of failing', async () => {
    const db = freshDb();
    await db.settings.put({ key: 'dictionary', value: { local: [{ nonsense: 1 }], disabledCategories: ['x', '一般'], typos: 'yes' }, updatedAt: '' });
    expect(await readDictionarySettings(db)).toEqual({ local: [], disabledCategories: ['一般'], typos: true, updatedAt: '' });
  });
});
