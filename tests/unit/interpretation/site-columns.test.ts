import { describe, expect, it } from 'vitest';
import { findPolicyColumns } from '../../../lib/interpretation/site-columns';
import { link, snapshot } from './make-snapshot';

const H = 'http://www.qingshan.gov.cn';

describe('findPolicyColumns', () => {
  it('finds columns in the nav, on the site map and by URL pattern, best source first', () => {
    const home = snapshot({
      url: `${H}/`,
      title: '青山市人民政府',
      nav: [{ text: '政务公开', url: `${H}/zwgk/`, children: [{ text: '政策文件', url: `${H}/zwgk/zcwj/`, children: [] }] }],
      links: [
        link('更多', `${H}/zwgk/zcjd/index.html`),
        link('《青山市若干措施》政策解读', `${H}/zwgk/zcjd/t20260301_1.html`),
        link('政策文件', `http://www.other.gov.cn/zcwj/`),
      ],
    });
    const map = snapshot({ url: `${H}/wzdt/`, title: '网站地图_青山市人民政府', links: [link('规范性文件', `${H}/zwgk/gfxwj/`), link('政策解读', `${H}/zwgk/zcjd/`)] });
    const cols = findPolicyColumns([home, map]);
    // /zcjd/index.html (“更多”, URL pattern) and /zcjd/ (site map) are one column; the site map names it.
    expect(cols.map((c) => [c.kind, c.name, c.source])).toEqual([
      ['policy', '政策文件', 'nav'],
      ['interpretation', '政策解读', 'sitemap'],
      ['policy', '规范性文件', 'sitemap'],
    ]);
  });
});
