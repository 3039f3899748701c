import { describe, expect, it } from 'vitest';
import { findDocNumbers, sameDocNumber } from '../../../lib/interpretation/doc-number';

describe('findDocNumbers', () => {
  it.each([
    ['青政发〔2026〕3号', '青政发〔2026〕3号'],
    ['京政办发[2020]12号', '京政办发〔2020〕12号'],
    ['岚政发【2026】11号', '岚政发〔2026〕11号'],
    ['岚政发（2026）8号', '岚政发〔2026〕8号'],
    ['岚政发(2026)8号', '岚政发〔2026〕8号'],
    ['河政发〔２０２６〕２号', '河政发〔2026〕2号'],
    ['国办发 〔2016〕 080 号', '国办发〔2016〕80号'],
    ['岚溪市人民政府令第12号', '岚溪市人民政府令第12号'],
  ])('normalises %s', (raw, text) => {
    expect(findDocNumbers(raw)[0]?.text).toBe(text);
  });

  it('trims the words before the issuer abbreviation', () => {
    const [d] = findDocNumbers('根据青政发〔2026〕3号文件精神');
    expect(d?.prefix).toBe('青政发');
  });

  it('finds several, once each', () => {
    const found = findDocNumbers('《通知》（青政发〔2026〕3号）和青政发[2026]3号、国发〔2025〕1号');
    expect(found.map((d) => d.text)).toEqual(['青政发〔2026〕3号', '国发〔2025〕1号']);
  });

  it('ignores years and numbers that are not a 文号', () => {
    expect(findDocNumbers('2026年3月1日起施行，共3号楼')).toEqual([]);
  });
});

describe('sameDocNumber', () => {
  const d = (t: string) => findDocNumbers(t)[0]!;
  it('matches across bracket styles and a stray leading word', () => {
    expect(sameDocNumber(d('青政发〔2026〕3号'), d('青政发[2026]3号'))).toBe(true);
    expect(sameDocNumber(d('市政府青政发〔2026〕3号'), d('青政发（2026）3号'))).toBe(true);
  });
  it('tells different issuers, years and serials apart', () => {
    expect(sameDocNumber(d('青政发〔2026〕3号'), d('国发〔2026〕3号'))).toBe(false);
    expect(sameDocNumber(d('青政发〔2026〕3号'), d('青政发〔2025〕3号'))).toBe(false);
    expect(sameDocNumber(d('青政发〔2026〕3号'), d('青政发〔2026〕13号'))).toBe(false);
  });
});
