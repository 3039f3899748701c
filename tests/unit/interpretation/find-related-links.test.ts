import { describe, expect, it } from 'vitest';
import { findInterpretationLinks, findPolicyLinks } from '../../../lib/interpretation/find-related-links';
import { link, snapshot } from './make-snapshot';

const H = 'http://www.qingshan.gov.cn';

describe('findInterpretationLinks', () => {
  it('takes a 相关解读 box and 解读/图解 link text, not the nav column or generic side boxes', () => {
    const page = snapshot({
      url: `${H}/zcwj/t1.html`,
      nav: [{ text: '政策解读', url: `${H}/zcjd/`, children: [] }],
      links: [
        link('政策解读', `${H}/zcjd/`, { region: 'nav' }),
        link('政策解读', `${H}/zcjd/index.html`),
        link('《青山市若干措施》政策解读', `${H}/zcjd/t2.html`, { context: '相关解读' }),
        link('图解：青山市若干措施', `${H}/zcjd/t3.html`),
        link('另一份文件的解读', `${H}/zcjd/t9.html`, { context: '热点解读' }),
        link('更多>>', `${H}/zcjd/t8.html`, { context: '相关解读' }),
        link('政策解读', `${H}/zcjd/t4.html`, { region: 'footer' }),
      ],
    });
    const found = findInterpretationLinks(page);
    expect(found.map((l) => l.url)).toEqual([`${H}/zcjd/t2.html`, `${H}/zcjd/t3.html`]);
    expect(found[0]?.reason).toBe('位于“相关解读”栏框');
    expect(found[1]?.reason).toBe('链接文字含“图解”');
  });

  it('marks files and search pages', () => {
    const page = snapshot({
      url: `${H}/zcwj/t1.html`,
      links: [link('一图读懂', `${H}/zcjd/W0201.jpg`), link('政策解读', `${H}/search/?searchword=若干措施`, { context: '相关解读' })],
    });
    expect(findInterpretationLinks(page).map((l) => l.target)).toEqual(['file', 'search']);
  });
});

describe('findPolicyLinks', () => {
  const title = '青山市人民政府关于印发青山市促进民营经济高质量发展若干措施的通知';
  it('takes 政策原文 boxes, 原文链接 text and links named like the cited policy', () => {
    const page = snapshot({
      url: `${H}/zcjd/t2.html`,
      links: [
        link(title, `${H}/zcwj/t1.html`, { context: '政策原文' }),
        link('原文链接', `${H}/zcwj/t5.html`),
        link('青山市促进民营经济高质量发展若干措施', `${H}/zcwj/t6.html`),
        link('青山市城市绿化管理办法', `${H}/zcwj/t7.html`),
        link('政策文件', `${H}/zcwj/`, { region: 'nav' }),
      ],
    });
    const found = findPolicyLinks(page, ['青山市促进民营经济高质量发展若干措施']);
    expect(found.map((l) => [l.url, l.reason])).toEqual([
      [`${H}/zcwj/t1.html`, '位于“政策原文”栏框'],
      [`${H}/zcwj/t5.html`, '链接文字为“原文链接”'],
      [`${H}/zcwj/t6.html`, '链接文字与所引文件《青山市促进民营经济高质量发展若干措施》一致'],
      // Any article of the policy column is a candidate; the check then judges only the partner.
      [`${H}/zcwj/t7.html`, '链接指向政策文件栏目的文章'],
    ]);
  });

  it('takes nothing from an unrelated column', () => {
    const page = snapshot({ url: `${H}/zcjd/t2.html`, links: [link('青山市城市绿化管理办法', `${H}/gzdt/t7.html`)] });
    expect(findPolicyLinks(page, ['青山市促进民营经济高质量发展若干措施'])).toEqual([]);
  });

  it('takes a link whose text carries the cited 文号', () => {
    const page = snapshot({ url: `${H}/zcjd/t2.html`, links: [link('青政发[2026]3号', `${H}/zcwj/t1.html`)] });
    expect(findPolicyLinks(page, [], ['青政发〔2026〕3号']).map((l) => l.url)).toEqual([`${H}/zcwj/t1.html`]);
  });
});
