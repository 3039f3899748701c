import { describe, expect, it } from 'vitest';
import { takeSnapshot, takeSnapshotInSlices } from '@/lib/scan/snapshot';
import { rangeFor } from '@/lib/scan/text-map';
import { parseHtml } from '../../support/html-doc';

const PAGE = `<!doctype html><html lang="zh-CN"><head><title>青山市人民政府 政策文件</title>
<meta name="SiteIDCode" content="3702000001"><meta name="ColumnName" content="政策文件">
<script id="_jiucuo_" sitecode="3702000001" type="text/plain" src="https://zfwzgl.www.gov.cn/exposure/jiucuo.js"></script>
</head><body>
<div class="header"><h1>青山市人民政府</h1></div>
<div class="nav"><ul>
  <li><a href="/">首页</a></li>
  <li><a href="/zwgk/">政务公开</a><ul><li><a href="/zwgk/zcwj/">政策文件</a></li><li><a href="/zwgk/zcjd/">政策解读</a></li></ul></li>
</ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政策文件</div>
<div class="content">
  <p id="p1">坚持<b>以习近平为核心</b>的党中央集中统一领导。</p>
  <table><tr><th>索引号</th><td>11370200/2026-00012</td></tr><tr><th>发文字号</th><td>青政发〔2026〕3号</td></tr></table>
  <div class="xgjd"><div class="title">相关解读</div><ul><li><a href="/zwgk/zcjd/1.html">《办法》政策解读</a><span>2026-11-05</span></li></ul></div>
  <p>第一行<br>第二行</p>
  <p style="display:none">隐藏文字<a href="http://bc.example/">百家乐</a></p>
  <a href="#top">回到顶部</a><a name="top"></a>
  <img src="/img/a.png" srcset="/img/a2.png 2x, /img/a3.png 3x" alt="图">
  <div contenteditable="true">编辑区文字</div>
  <textarea>文本框内容</textarea>
</div>
<div class="footer"><p>主办单位：青山市人民政府办公室 网站标识码：3702000001</p></div>
</body></html>`;

describe('takeSnapshot', () => {
  const doc = parseHtml(PAGE, 'http://127.0.0.1:8730/zwgk/zcwj/index.html');
  const { snapshot, map } = takeSnapshot(doc);

  it('reads text blocks across inline elements with their regions', () => {
    const p = snapshot.blocks.find((b) => b.text.includes('以习近平为核心'));
    expect(p?.text).toBe('坚持以习近平为核心的党中央集中统一领导。');
    expect(p?.region).toBe('main');
    expect(snapshot.blocks.find((b) => b.text.includes('主办单位'))?.region).toBe('footer');
    expect(snapshot.footerText).toContain('网站标识码：3702000001');
  });

  it('maps block offsets back to DOM ranges across text nodes', () => {
    const index = snapshot.blocks.findIndex((b) => b.text.includes('以习近平为核心'));
    const text = snapshot.blocks[index]!.text;
    const start = text.indexOf('习近平为核心的党');
    const range = rangeFor(map, index, start, start + 8);
    expect(range?.toString()).toBe('习近平为核心的党');
  });

  it('keeps <br> as a line break inside one block', () => {
    expect(snapshot.blocks.some((b) => b.text === '第一行\n第二行')).toBe(true);
  });

  it('marks hidden text and hidden links from markup when there is no layout', () => {
    const hidden = snapshot.blocks.find((b) => b.text.includes('隐藏文字'));
    expect(hidden?.hidden).toContain('display-none');
    const spam = snapshot.links.find((l) => l.text === '百家乐');
    expect(spam?.hidden).toContain('display-none');
    expect(spam?.url).toBe('http://bc.example/');
  });

  it('collects links, images, srcset candidates and anchors', () => {
    expect(snapshot.links.filter((l) => l.kind === 'srcset').map((l) => l.url)).toEqual([
      'http://127.0.0.1:8730/img/a2.png',
      'http://127.0.0.1:8730/img/a3.png',
    ]);
    expect(snapshot.anchors).toContain('top');
    expect(snapshot.anchors).toContain('p1');
    const link = snapshot.links.find((l) => l.text === '《办法》政策解读');
    expect(link?.context).toBe('相关解读');
    expect(map.elements[link!.ref]?.getAttribute('href')).toBe('/zwgk/zcjd/1.html');
  });

  it('reads editor areas and form fields as their own sources', () => {
    expect(snapshot.blocks.find((b) => b.text === '编辑区文字')?.source).toBe('editor');
    expect(snapshot.blocks.find((b) => b.text === '文本框内容')?.source).toBe('field');
  });

  it('reads breadcrumb, navigation tree, tables, list items, meta and scripts', () => {
    expect(snapshot.breadcrumb.map((c) => c.text)).toEqual(['首页', '政务公开', '政策文件']);
    expect(snapshot.breadcrumb[1]?.url).toBe('http://127.0.0.1:8730/zwgk/');
    expect(snapshot.nav.map((n) => n.text)).toEqual(['首页', '政务公开']);
    expect(snapshot.nav[1]?.children.map((n) => n.text)).toEqual(['政策文件', '政策解读']);
    expect(snapshot.tables).toContainEqual(['发文字号', '青政发〔2026〕3号']);
    expect(snapshot.listItems.find((i) => i.text.includes('《办法》'))?.text).toContain('2026-11-05');
    expect(snapshot.meta.siteidcode).toBe('3702000001');
    expect(snapshot.scripts[0]?.attrs.sitecode).toBe('3702000001');
    expect(snapshot.title).toBe('青山市人民政府 政策文件');
  });

  it('stops at the node budget and says so', () => {
    const big = parseHtml(`<body>${'<p>段落</p>'.repeat(2000)}</body>`);
    const result = takeSnapshot(big, { maxNodes: 500 });
    expect(result.snapshot.stats.truncated).toBe(true);
    expect(result.snapshot.blocks.length).toBeLessThan(500);
  });

  it('reads a frameset page without a body', () => {
    // happy-dom nests unclosed <frame> elements; browsers treat them as void, so close them here.
    const fs = parseHtml('<html><frameset cols="50%,50%"><frame src="/a.html"></frame><frame src="/b.html"></frame></frameset></html>');
    const result = takeSnapshot(fs);
    expect(result.snapshot.stats.isFrameset).toBe(true);
    expect(result.snapshot.links.filter((l) => l.kind === 'frame')).toHaveLength(2);
  });
});

describe('takeSnapshotInSlices', () => {
  const withoutClock = (r: ReturnType<typeof takeSnapshot>) => ({ ...r.snapshot, stats: { ...r.snapshot.stats, millis: 0 } });

  it('reads the same snapshot and map as one go, pausing between slices', async () => {
    const html = `<body>${'<div><p>段落<b>粗<i>斜</i></b>尾</p><span>说明<a href="/a">链接</a></span></div>'.repeat(200)}${PAGE}</body>`;
    const whole = takeSnapshot(parseHtml(html, 'http://127.0.0.1:8730/a.html'));
    let pauses = 0;
    // A zero-length slice pauses at every look at the clock (every 128 nodes).
    const sliced = await takeSnapshotInSlices(parseHtml(html, 'http://127.0.0.1:8730/a.html'), {}, async () => void pauses++, 0);
    expect(pauses).toBeGreaterThan(10);
    expect(withoutClock(sliced)).toEqual(withoutClock(whole));
    expect(sliced.map.blocks.map((b) => b.map((s) => [s.start, s.length, (s.node as Text).data]))).toEqual(
      whole.map.blocks.map((b) => b.map((s) => [s.start, s.length, (s.node as Text).data])),
    );
  });

  it('keeps the node budget across slices', async () => {
    const big = parseHtml(`<body>${'<p>段落</p>'.repeat(2000)}</body>`);
    const result = await takeSnapshotInSlices(big, { maxNodes: 500 }, async () => undefined, 0);
    expect(result.snapshot.stats.truncated).toBe(true);
    expect(result.snapshot.blocks.length).toBe(takeSnapshot(parseHtml(`<body>${'<p>段落</p>'.repeat(2000)}</body>`), { maxNodes: 500 }).snapshot.blocks.length);
  });
});

describe('page regions', () => {
  it('reads side boxes as aside, and a plain “left” column as main', () => {
    const doc = parseHtml('<body><div class="side"><div class="side-box"><ul><li><a href="/a">便民服务</a></li></ul></div></div><div class="left"><p>正文内容</p></div></body>');
    const { snapshot } = takeSnapshot(doc);
    expect(snapshot.links[0]?.region).toBe('aside');
    expect(snapshot.listItems[0]?.region).toBe('aside');
    expect(snapshot.blocks.find((b) => b.text === '正文内容')?.region).toBe('main');
  });
});
