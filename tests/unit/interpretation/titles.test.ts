import { describe, expect, it } from 'vitest';
import {
  coreTitle,
  dice,
  interpretationSubject,
  isPolicyLikeTitle,
  quotedTitles,
  titleSimilarity,
} from '../../../lib/interpretation/titles';

describe('quotedTitles', () => {
  it('reads outer 《》 and keeps inner 〈〉', () => {
    expect(quotedTitles('印发《关于印发〈XX办法〉的通知》和《YY方案》，《YY方案》')).toEqual(['关于印发〈XX办法〉的通知', 'YY方案']);
  });
});

describe('coreTitle', () => {
  it('drops issuer, 关于印发 and the 的通知 wrapper', () => {
    expect(coreTitle('青山市人民政府关于印发《青山市促进民营经济高质量发展若干措施》的通知')).toBe('青山市促进民营经济高质量发展若干措施');
    expect(coreTitle('《青山市促进民营经济高质量发展若干措施》')).toBe('青山市促进民营经济高质量发展若干措施');
  });
  it('keeps the document type when it is the document itself', () => {
    expect(coreTitle('市政府办公室关于加快发展银发经济的实施意见')).toBe('加快发展银发经济的实施意见');
  });
  it('folds full-width characters and punctuation', () => {
    expect(coreTitle('XX规划（2026—2030年）')).toBe(coreTitle('XX规划(2026-2030年)'));
  });
});

describe('dice and titleSimilarity', () => {
  it('is 1 for equal strings and 0 for disjoint ones', () => {
    expect(dice('营商环境', '营商环境')).toBe(1);
    expect(dice('营商环境', '垃圾分类')).toBe(0);
  });
  it('is high for the same policy cited two ways, low for another policy', () => {
    const policy = '岚溪市人民政府关于印发岚溪市优化营商环境若干措施的通知';
    expect(titleSimilarity('岚溪市优化营商环境若干措施', policy)).toBe(1);
    expect(titleSimilarity('岚溪市优化营商环境的若干措施', policy)).toBeGreaterThan(0.8);
    expect(titleSimilarity('岚溪市城市绿化管理办法', policy)).toBeLessThan(0.4);
  });
});

describe('interpretationSubject', () => {
  it.each([
    ['《XX办法》政策解读', 'XX办法'],
    ['XX市就业创业若干政策解读', 'XX市就业创业若干政策'],
    ['政策问答｜河西区公共租赁住房管理办法', '河西区公共租赁住房管理办法'],
    ['图解：岚溪市优化营商环境若干措施', '岚溪市优化营商环境若干措施'],
  ])('%s → %s', (title, subject) => {
    expect(interpretationSubject(title)).toBe(subject);
  });
});

describe('isPolicyLikeTitle', () => {
  it('accepts document names and rejects newspapers', () => {
    expect(isPolicyLikeTitle('岚溪市城市绿化管理办法')).toBe(true);
    expect(isPolicyLikeTitle('关于进一步优化营商环境的意见')).toBe(true);
    expect(isPolicyLikeTitle('人民日报')).toBe(false);
  });
});
