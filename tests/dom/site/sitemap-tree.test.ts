import { describe, expect, it } from 'vitest';
import { readSitemapTree } from '../../../lib/site/sitemap-tree';
import { loadTemplate } from './load-template';

/** The tree as “level name path” lines (URLs on the fixture host shortened to their path). */
function outline(file: string): string[] {
  return readSitemapTree(loadTemplate(file)).columns.map(
    (c) => `${c.level} ${c.name} ${c.url.replace('https://www.qs.gov.cn', '')}${c.parentName ? ` <${c.parentName}` : ''}`,
  );
}

describe('readSitemapTree on CMS templates', () => {
  it('TRS 网站地图 boxes (title box over links), relative links, a group without link', () => {
    const tree = readSitemapTree(loadTemplate('trs-wzdt.html'));
    expect(tree.shape).toBe('heading-list');
    expect(outline('trs-wzdt.html')).toEqual([
      '1 政务公开 /zwgk/',
      '2 政策文件 /zwgk/zcwj/index.html <政务公开',
      '2 政策解读 /zwgk/zcjd/ <政务公开',
      '2 通知 公告 /zwgk/tzgg/index.shtml <政务公开',
      '2 人事信息 /zwgk/rsxx/ <政务公开',
      '1 新闻中心 /xwzx/',
      '2 动态要闻 /xwzx/dtyw/ <新闻中心',
      '2 部门动态 /xwzx/bmdt/ <新闻中心',
      '1 互动交流 ',
      '2 领导信箱 /hdjl/ldxx/ <互动交流',
    ]);
  });

  it('Hanweb/大汉 table served as GBK: title rows over rows of links', () => {
    expect(outline('hanweb-table-gbk.html')).toEqual([
      '1 机构概况 /col/col100/index.html',
      '2 领导之窗 /col/col101/index.html <机构概况',
      '2 机构职能 /col/col102/index.html <机构概况',
      '2 镕铸工程 /col/col103/index.html <机构概况',
      '1 信息公开 /col/col200/index.html',
      '2 通知公告 /col/col201/index.html <信息公开',
      '2 规划计划 /col/col202/index.html <信息公开',
      '2 人事任免 /col/col203/index.html?uid=3&pageNum=1 <信息公开',
      '1 便民服务 ',
      '2 办事指南 /col/col301/index.html <便民服务',
    ]);
  });

  it('拓尔思-like grid table with a rowspan group cell', () => {
    expect(readSitemapTree(loadTemplate('trs-grid-table.html')).shape).toBe('table');
    expect(outline('trs-grid-table.html')).toEqual([
      '1 政务公开 /zwgk/',
      '2 政策文件 /zwgk/zcwj/ <政务公开',
      '2 政策解读 /zwgk/zcjd/ <政务公开',
      '2 通知公告 /zwgk/tzgg/ <政务公开',
      '2 规划计划 /zwgk/ghjh/ <政务公开',
      '1 新闻中心 ',
      '2 动态要闻 /xwzx/dtyw/ <新闻中心',
      '2 区县动态 /xwzx/qxdt/ <新闻中心',
      '1 互动交流 /hdjl/',
      '2 领导信箱 /hdjl/ldxx/ <互动交流',
    ]);
  });

  it('dl/dt/dd with a nested list under one dd (level 3)', () => {
    expect(readSitemapTree(loadTemplate('dl-sitemap.html')).shape).toBe('dl');
    expect(outline('dl-sitemap.html')).toEqual([
      '1 新闻中心 /xwzx/',
      '2 动态要闻 /xwzx/dtyw/ <新闻中心',
      '2 部门动态 /xwzx/bmdt/ <新闻中心',
      '1 政务公开 /zwgk/',
      '2 政策文件 /zwgk/zcwj/ <政务公开',
      '3 市政府文件 /zwgk/zcwj/szfwj/ <政策文件',
      '3 办公室文件 /zwgk/zcwj/bgswj/ <政策文件',
      '2 公示公告 /zwgk/gsgg/ <政务公开',
      '1 专题专栏 ',
      '2 优化营商环境 /ztzl/yhyshj/ <专题专栏',
    ]);
  });

  it('nested lists three levels deep, 首页 left out', () => {
    expect(outline('nested-list.html')).toEqual([
      '1 政务公开 /zwgk/index.html',
      '2 政策文件 /zwgk/zcwj/index.html <政务公开',
      '3 规范性文件 /zwgk/zcwj/gfxwj/index.html <政策文件',
      '3 其他文件 /zwgk/zcwj/qtwj/index.html <政策文件',
      '2 通知公告 /zwgk/tzgg/index.html <政务公开',
      '1 新闻中心 /xwzx/index.html',
      '2 动态要闻 /xwzx/dtyw/index.html <新闻中心',
    ]);
  });

  it('h2/h3 headings each followed by a list, page menus and footer left out', () => {
    expect(outline('heading-list.html')).toEqual([
      '1 政务公开 ',
      '2 政策文件 /zwgk/zcwj/ <政务公开',
      '2 通知公告 /zwgk/tzgg/ <政务公开',
      '2 政府信息公开 /zwgk/xxgk/ <政务公开',
      '3 信息公开指南 /zwgk/xxgk/zn/ <政府信息公开',
      '3 信息公开年报 /zwgk/xxgk/nb/ <政府信息公开',
      '1 新闻中心 /xwzx/',
      '2 动态要闻 /xwzx/dtyw/ <新闻中心',
    ]);
  });
});

describe('readSitemapTree on site maps it cannot read', () => {
  it('says a picture site map has no readable columns', () => {
    const tree = readSitemapTree(loadTemplate('image-sitemap.html'));
    expect(tree.columns).toEqual([]);
    expect(tree.unreadable).toMatchObject({ reason: 'image' });
    expect(tree.unreadable?.message).toContain('图片');
  });

  it('reads the hot spots of an image map but says the levels are lost', () => {
    const tree = readSitemapTree(loadTemplate('image-map-sitemap.html'));
    expect(tree.columns.map((c) => c.name)).toEqual(['政务公开', '新闻中心']);
    expect(tree.unreadable?.reason).toBe('image');
  });

  it('says a script-built site map must be read from the rendered page', () => {
    const tree = readSitemapTree(loadTemplate('js-menu-sitemap.html'));
    expect(tree.columns).toEqual([]);
    expect(tree.unreadable).toMatchObject({ reason: 'script' });
    expect(tree.unreadable?.message).toContain('脚本');
  });
});

describe('readSitemapTree furniture', () => {
  it('drops the entries the real columns drop too (isColumnName), keeping their children', () => {
    const html = `<div class="sitemap"><ul>
      <li><a href="https://www.qs.gov.cn/zwgk/">政务公开</a><ul>
        <li><a href="https://www.qs.gov.cn/zwgk/xq.html">详情</a></li>
        <li><a href="https://www.qs.gov.cn/#top">返回顶部</a></li>
        <li><a href="https://www.qs.gov.cn/zwgk/zcwj/">政策文件</a></li>
      </ul></li></ul></div>`;
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(readSitemapTree(doc).columns.map((c) => c.name)).toEqual(['政务公开', '政策文件']);
  });
});
