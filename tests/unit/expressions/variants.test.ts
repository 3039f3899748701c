import { describe, expect, it } from 'vitest';
import falseAlarms from '../../fixtures/expressions/false-alarms.json';
import { defaultCompiledDictionary } from '../../../lib/expressions/default-dictionary';
import { findHits } from '../../../lib/expressions/matcher';

const dict = defaultCompiledDictionary();
const inferred = (text: string) =>
  findHits(dict, text)
    .filter((h) => h.kind === 'inferred')
    .map((h) => [h.written, h.correct, h.edit]);

describe('unseen variants (inferred)', () => {
  it('infers a homophone replacement in a known expression', () => {
    expect(inferred('推进国家治理体系和治理能力现代华')).toEqual([
      ['推进国家治理体系和治理能力现代华', '推进国家治理体系和治理能力现代化', 'homophone'],
    ]);
    expect(inferred('深入实施乡村振兴战掠')).toEqual([['乡村振兴战掠', '乡村振兴战略', 'homophone']]);
  });

  it('infers a look-alike replacement', () => {
    expect(inferred('坚持全面从严治觉')).toEqual([['全面从严治觉', '全面从严治党', 'shape']]);
    expect(inferred('坚持全面从严治国')).toEqual([]); // 国 is neither a homophone nor a look-alike of 党
    expect(inferred('坚持全面依法冶国')).toEqual([['全面依法冶国', '全面依法治国', 'shape']]);
  });

  it('infers two adjacent characters swapped', () => {
    expect(inferred('坚持总体家国安全观')).toEqual([['总体家国安全观', '总体国家安全观', 'swap']]);
  });

  it('prefers a same-length edit when a window reads as two expressions (第十五次 swapped, not 第十次 plus 五)', () => {
    expect(inferred('中国共产党第十次五全国代表大会')).toEqual([
      ['中国共产党第十次五全国代表大会', '中国共产党第十五次全国代表大会', 'swap'],
    ]);
  });

  it('infers one character missing or extra inside long expressions', () => {
    expect(inferred('坚持以人民为中心发展的思想理念')).toEqual([]);
    expect(inferred('中国特色社会主法治体系')).toEqual([['中国特色社会主法治体系', '中国特色社会主义法治体系', 'missing']]);
    expect(inferred('建设中国特色社会主义法治法体系')).toEqual([['中国特色社会主义法治法体系', '中国特色社会主义法治体系', 'extra']]);
  });

  it('says nothing inside a longer correct expression (社会主义法治国家 is not 依法治国)', () => {
    expect(findHits(dict, '建设社会主义法治国家')).toEqual([]);
  });

  it('does not fire on right wordings one edit away from an expression', () => {
    for (const text of ['支持中小企业发展', '推进中国现代化进程', '坚持中国共产党领导', '党政机关坚持过紧日子']) {
      expect(findHits(dict, text), text).toEqual([]);
    }
  });

  it('marks inferred hits as major', () => {
    const hit = findHits(dict, '推进国家治理体系和治理能力现代华')[0]!;
    expect(hit.severity).toBe('major');
  });
});

describe('regression: every false alarm once found on the government corpus stays silent', () => {
  for (const fa of falseAlarms as { source: string; text: string; looksLike: string }[]) {
    it(`${fa.source}: ${fa.looksLike}`, () => {
      expect(findHits(dict, fa.text)).toEqual([]);
    });
  }
});
