import { describe, expect, it } from 'vitest';
import { defaultCompiledDictionary } from '../../../lib/expressions/default-dictionary';
import { parseEntry, mergeDictionary } from '../../../lib/expressions/dictionary';
import { compileDictionary, findHits, findHitsInTexts } from '../../../lib/expressions/matcher';
import planted from '../../fixtures/expressions/planted.json';
import falseAlarms from '../../fixtures/expressions/false-alarms.json';
import { loadDefaultDictionary } from '../../../lib/expressions/default-dictionary';

const dict = defaultCompiledDictionary();
const hitsOf = (text: string) => findHits(dict, text).map((h) => [h.written, h.correct, h.check, h.kind]);

describe('findHits: exact wrong forms', () => {
  it('finds a listed wrong form with its correct form and exact offsets', () => {
    const text = '坚持以习近平为核心的党中央坚强领导';
    const [hit] = findHits(dict, text);
    expect(hit).toMatchObject({ written: '以习近平为核心的党中央', correct: '以习近平同志为核心的党中央', check: 'expression', severity: 'veto' });
    expect(text.slice(hit!.start, hit!.end)).toBe('以习近平为核心的党中央');
  });

  it('reports outdated forms with the date they stopped being right', () => {
    const [hit] = findHits(dict, '在以习近平同志为总书记的党中央领导下');
    expect(hit).toMatchObject({ kind: 'outdated', since: '2016-10-27', correct: '以习近平同志为核心的党中央' });
  });

  it('separates typos (typo check) from expressions', () => {
    expect(hitsOf('大家再接再励，扫黑险恶')).toEqual([
      ['再接再励', '再接再厉', 'typo', 'observed'],
      ['扫黑险恶', '扫黑除恶', 'expression', 'observed'],
    ]);
  });

  it('lets a longer correct string win over a shorter wrong form (改革开发区)', () => {
    expect(hitsOf('高新技术产业改革开发区管委会')).toEqual([]);
    expect(hitsOf('坚持改革开发不动摇')).toEqual([['改革开发', '改革开放', 'expression', 'observed']]);
  });

  it('keeps the longest of overlapping wrong forms', () => {
    expect(hitsOf('国务园办公厅印发')).toEqual([['国务园办公厅', '国务院办公厅', 'expression', 'observed']]);
  });

  it('matches across spaces, line breaks, quote families and full-width forms, and maps back exactly', () => {
    const text = '各地区要坚持 扫黑\n险恶专项斗争';
    const [hit] = findHits(dict, text);
    expect(hit!.written).toBe('扫黑\n险恶');
    expect(hitsOf('共建「一带一路」战略')[0]?.[1]).toBe('共建“一带一路”');
  });

  it('finds wrong forms in Traditional text and highlights the Traditional characters', () => {
    const text = '堅持以習近平為核心的黨中央';
    const [hit] = findHits(dict, text);
    expect(hit!.written).toBe('以習近平為核心的黨中央');
    expect(hit!.correct).toBe('以习近平同志为核心的党中央');
  });

  it('keeps positions right next to surrogate pairs and combining marks', () => {
    const text = '😀😀扫黑险\u0301恶𠮷';
    const [hit] = findHits(dict, text);
    expect(hit!.start).toBe(4);
    expect(hit!.written).toBe('扫黑险\u0301恶');
  });

  it('handles a 10 MB text node with the error at its end', () => {
    const filler = '会议强调，要坚持稳中求进工作总基调，推动高质量发展。';
    const big = filler.repeat(Math.ceil(10_000_000 / filler.length)) + '扫黑险恶';
    const hits = findHits(dict, big);
    expect(hits).toHaveLength(1);
    expect(hits[0]!.start).toBe(big.length - 4);
  }, 60_000);

  it('returns nothing for empty text', () => {
    expect(findHits(dict, '')).toEqual([]);
  });

  it('uses local terms merged into the dictionary', () => {
    const local = parseEntry({ correct: '市长李明华', wrong: ['市长李明化'], category: '领导人姓名与职务', source: [] }, 'l');
    const merged = compileDictionary(mergeDictionary(loadDefaultDictionary(), { local: [local] }));
    expect(findHits(merged, '市长李明化出席会议').map((h) => h.correct)).toEqual(['市长李明华']);
  });
});

describe('findHitsInTexts: a page\'s blocks in one pass', () => {
  it('gives every text exactly the hits it has alone (planted errors, false-alarm sentences, odd characters)', () => {
    const texts = [
      ...planted.map((p) => p.text),
      ...falseAlarms.map((f) => f.text),
      '',
      '   \n ',
      '\u0301扫黑险恶', // a combining mark at the very start of a block
      '😀😀扫黑险\u0301恶𠮷',
      '堅持以習近平為核心的黨中央',
      '推进国家治理体系和治理能力现代华',
      '含有\uffff分隔字符的扫黑险恶文本',
    ];
    expect(findHitsInTexts(dict, texts)).toEqual(texts.map((t) => findHits(dict, t)));
  });

  it('never matches across two blocks, exactly or by inference', () => {
    // Each half alone is no error; joined without a break they would be (扫黑险恶; 全面从严治党 missing a character).
    expect(findHitsInTexts(dict, ['持续推进扫黑', '险恶势力', '全面从', '治党'])).toEqual([[], [], [], []]);
    expect(findHits(dict, '持续推进扫黑险恶势力')).not.toEqual([]);
  });
});
