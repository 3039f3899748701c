import { describe, expect, it } from 'vitest';
import { collectLinks, isActionLink, isAdminPage } from '../../../lib/links/collect-links';
import { link, makeSnapshot } from './make-snapshot';

describe('collectLinks', () => {
  it('resolves, normalises and de-duplicates targets, keeping every ref', () => {
    const a = link('../zcwj/a.html', { text: '政策文件' });
    const b = link('https://WWW.example.gov.cn/zcwj/a.html#p2', { text: '' });
    const c = link('https://www.gov.cn/', { text: '中国政府网' });
    const got = collectLinks(makeSnapshot({ links: [a, b, c] }));
    expect(got.targets).toHaveLength(2);
    expect(got.targets[0]).toMatchObject({
      url: 'https://www.example.gov.cn/zcwj/a.html',
      refs: [a.ref, b.ref],
      text: '政策文件',
      sameSite: true,
      expect: 'page',
    });
    expect(got.targets[1]).toMatchObject({ url: 'https://www.gov.cn/', sameSite: false });
  });

  it('skips mailto, tel and javascript silently and reports malformed URLs', () => {
    const bad = link('http://http://www.example.gov.cn/x.html', { url: 'http://http//www.example.gov.cn/x.html', text: '坏链接' });
    const invalid = link('http://', { url: '', text: '空地址' });
    const got = collectLinks(
      makeSnapshot({ links: [link('mailto:a@example.gov.cn'), link('tel:12345'), link('javascript:void(0)'), bad, invalid] }),
    );
    expect(got.targets).toEqual([]);
    expect(got.problems.map((p) => [p.ref, p.reason, p.detail])).toEqual([
      [bad.ref, 'malformed-url', 'bad-host'],
      [invalid.ref, 'malformed-url', 'unparsable'],
    ]);
  });

  it('checks in-page anchors against the document without a request', () => {
    const ok = link('#zw');
    const missing = link('#fj', { text: '附件' });
    const top = link('#top');
    const empty = link('#');
    const got = collectLinks(makeSnapshot({ anchors: ['zw'], links: [ok, missing, top, empty] }));
    expect(got.targets).toEqual([]);
    expect(got.problems).toEqual([
      expect.objectContaining({ ref: missing.ref, reason: 'missing-anchor', detail: 'fj', url: 'https://www.example.gov.cn/zwgk/index.html#fj' }),
    ]);
  });

  it('reports broken images and does not request images the browser loaded', () => {
    const broken = link('/images/logo.png', { kind: 'img', broken: true, text: '标识' });
    const loaded = link('/images/ok.png', { kind: 'img', broken: false });
    const unknown = link('/images/lazy.png', { kind: 'img' });
    const got = collectLinks(makeSnapshot({ links: [broken, loaded, unknown] }));
    expect(got.problems).toEqual([expect.objectContaining({ ref: broken.ref, reason: 'missing-image' })]);
    expect(got.targets.map((t) => [t.url, t.expect])).toEqual([['https://www.example.gov.cn/images/lazy.png', 'image']]);
  });

  it('treats attachments and files as files (HEAD first), frames and links as pages', () => {
    const got = collectLinks(
      makeSnapshot({
        links: [
          link('/u/申请表.docx'),
          link('/u/download?id=3', { text: '附件1：报名表' }),
          link('/u/a.PDF'),
          link('/u/b.wps'),
          link('/u/c.et'),
          link('/u/d.rar'),
          link('/frame.html', { kind: 'iframe' }),
          link('/movie.swf', { kind: 'embed' }),
          link('/u/e.html'),
        ],
      }),
    );
    expect(got.targets.map((t) => [t.expect, t.attachment])).toEqual([
      ['file', true],
      ['file', true],
      ['file', true],
      ['file', true],
      ['file', true],
      ['file', true],
      ['page', false],
      ['file', false],
      ['page', false],
    ]);
  });

  it('splits a srcset the snapshot left unresolved and ignores scripts', () => {
    const got = collectLinks(
      makeSnapshot({
        links: [
          link('/a-1x.png 1x, /a-2x.png 2x', { kind: 'srcset', url: '' }),
          link('/app.js', { kind: 'script' }),
        ],
      }),
    );
    expect(got.targets.map((t) => t.url)).toEqual(['https://www.example.gov.cn/a-1x.png', 'https://www.example.gov.cn/a-2x.png']);
  });

  it('never requests action links', () => {
    const out = link('/member/logout.do', { text: '退出' });
    const del = link('/msg?id=3&action=del', { text: '处理' });
    const cn = link('/user/x', { text: '注销账号' });
    const got = collectLinks(makeSnapshot({ links: [out, del, cn, link('/news/1.html', { text: '新闻' })] }));
    expect(got.actions.map((a) => a.ref)).toEqual([out.ref, del.ref, cn.ref]);
    expect(got.targets).toHaveLength(1);
  });

  it('checks nothing on a CMS admin page', () => {
    const got = collectLinks(makeSnapshot({ url: 'https://www.example.gov.cn/admin/article/list', links: [link('/a.html')] }));
    expect(got).toMatchObject({ skippedPage: true, targets: [], problems: [] });
  });

  it('uses the site hosts it is given for same-site', () => {
    const got = collectLinks(makeSnapshot({ links: [link('http://old.example.cn/a.html')] }), {
      siteHosts: ['www.example.gov.cn', 'old.example.cn'],
    });
    expect(got.targets[0]?.sameSite).toBe(true);
  });
});

describe('isAdminPage', () => {
  it.each([
    ['https://x.gov.cn/admin/index.jsp', true],
    ['https://x.gov.cn/admin.php', true],
    ['https://x.gov.cn/manage/content/edit?id=1', true],
    ['https://x.gov.cn/cms/login.jsp', true],
    ['https://x.gov.cn/cms/admin/', true],
    ['https://x.gov.cn/wcm/app/main.jsp', true],
    ['https://x.gov.cn/login.html', true],
    ['https://x.gov.cn/jcms/jcms_files/jcms1/web1/site/art/2024/1/1/art_1_1.html', false],
    ['https://x.gov.cn/cms/html/news/2024/1.html', false],
    ['https://x.gov.cn/zwgk/administration/index.html', false],
    ['https://x.gov.cn/', false],
  ])('%s → %s', (url, admin) => {
    expect(isAdminPage(url)).toBe(admin);
  });
});

describe('isActionLink', () => {
  it.each([
    ['https://x.gov.cn/logout', '', true],
    ['https://x.gov.cn/sso/signOut.do', '', true],
    ['https://x.gov.cn/item/delete?id=1', '', true],
    ['https://x.gov.cn/%E9%80%80%E5%87%BA', '', true],
    ['https://x.gov.cn/a', '删除', true],
    ['https://x.gov.cn/zwgk/index.html', '政务公开', false],
    ['https://x.gov.cn/model/x.html', '模型', false],
  ])('%s %s → %s', (url, text, action) => {
    expect(isActionLink(url, text)).toBe(action);
  });
});
