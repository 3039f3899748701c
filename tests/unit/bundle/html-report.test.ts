import { describe, expect, it } from 'vitest';
import { buildBundle } from '../../../lib/bundle/build-bundle';
import { CREATED_AT, sampleInput, sampleSource, text, unzipAll } from './fixtures';

async function htmlFiles(): Promise<Map<string, string>> {
  const files = await unzipAll(await buildBundle(sampleInput(await sampleSource())));
  return new Map([...files].filter(([p]) => p.endsWith('.html')).map(([p, b]) => [p, text(b)]));
}

/** Every start tag of the page, with its quoted attribute values blanked (escaped text cannot open a tag). */
function tags(html: string): string[] {
  return [...html.matchAll(/<[a-zA-Z][^>]*>/g)].map((m) => m[0].replace(/"[^"]*"/g, '""'));
}

function attributeValues(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1] ?? '');
}

describe('bundle HTML', () => {
  it('contains no script and no event-handler attribute, even with hostile values', async () => {
    const pages = await htmlFiles();
    expect(pages.size).toBe(4);
    for (const [path, html] of pages) {
      expect(html, path).not.toMatch(/<script/i);
      for (const tag of tags(html)) expect(tag, path).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html, path).toContain("default-src 'none'");
    }
    const report = pages.get('sites/1101000001/report.html')!;
    expect(report).toContain('示例市人民政府 &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(report).toContain('链接打不开&quot; onmouseover=&quot;alert(1)');
  });

  it('links only to http(s) URLs or to files and anchors inside the bundle', async () => {
    for (const [path, html] of await htmlFiles()) {
      for (const href of attributeValues(html, 'href')) {
        expect(href, path).toMatch(/^(https?:\/\/|#F\d+$|sites\/[A-Za-z0-9._-]+\/report\.html$|evidence\/[A-Za-z0-9._-]+\.png$)/);
      }
      expect(html).not.toMatch(/href="javascript/i);
    }
    const report = (await htmlFiles()).get('sites/1101000001/report.html')!;
    // The javascript: target and page URL are shown, as text only.
    expect(report).toContain('javascript:alert(1)');
    expect(report).toContain('javascript:alert(2)');
  });

  it('shows evidence thumbnails by relative path', async () => {
    const report = (await htmlFiles()).get('sites/1101000001/report.html')!;
    const srcs = attributeValues(report, 'src');
    expect(new Set(srcs)).toEqual(new Set(['evidence/ev-1.png', 'evidence/ev_2_x.png']));
  });

  it('prints the checklist, findings grouped by check, verdicts and severities in Chinese', async () => {
    const report = (await htmlFiles()).get('sites/1101000001/report.html')!;
    for (const label of ['检查清单', '符合', '不符合', '固定表述错误（1）', '错链断链（1）', '确认', '待复核', '严重', '单项否决级', 'HTTP 状态', '首页截图']) {
      expect(report).toContain(label);
    }
    expect(report.indexOf('固定表述错误（1）')).toBeLessThan(report.indexOf('错链断链（1）'));
    const b = (await htmlFiles()).get('sites/b.gov.cn/report.html')!;
    expect(b).toContain('误报');
    expect(b).toContain('一般');
    expect(b).toContain('首页暗链（系统判定：合格）');
  });

  it('prints the pair table: counts per category, then each row with titles, links and category', async () => {
    const pages = await htmlFiles();
    const report = pages.get('sites/1101000001/report.html')!;
    const at = report.indexOf('<h2>政策文件与解读关联（5）</h2>');
    expect(at).toBeGreaterThan(report.indexOf('错链断链（1）'));
    expect(at).toBeLessThan(report.indexOf('全部截图'));
    const section = report.slice(at, report.indexOf('<h2>全部截图'));
    const cells = (html: string): string[] => [...html.matchAll(/<t[hd]>(.*?)<\/t[hd]>/g)].map((m) => m[1] ?? '');
    // The count table: the five categories in order, one of each in the sample.
    expect(cells(section).slice(0, 10)).toEqual(['双向关联', '仅文件→解读', '仅解读→文件', '文件无解读', '解读无文件', '1', '1', '1', '1', '1']);
    expect(section).toContain('列表页 4 页，条目 6 条');
    expect(section).toContain('<th>政策文件</th><th>解读材料</th><th>关联情况</th>');
    // Hostile titles come out as text; the javascript: URL is shown, never linked.
    expect(section).toContain('关于印发&lt;script&gt;alert(1)&lt;/script&gt;方案的通知');
    expect(section).toContain('一图读懂&quot;方案&quot; onmouseover=&quot;alert(1)');
    expect(section).toContain('实施细则&#39;&lt;img src=x&gt;<br>javascript:alert(3)');
    expect(section).toContain('<a href="https://www.a.gov.cn/zcjd/1.html" rel="noreferrer noopener">https://www.a.gov.cn/zcjd/1.html</a>');
    expect(section).not.toContain('<img');
    expect(section).not.toContain('<script');
    // A row with one side only shows a dash for the other.
    expect(section).toMatch(/<td><span class="muted">—<\/span><\/td><td>图解：新政策<br><a href="https:\/\/www\.a\.gov\.cn\/zcjd\/5\.html"[^>]*>[^<]*<\/a><\/td><td>解读无文件<\/td>/);
    // Sites without a pair table have no such section.
    expect(pages.get('sites/b.gov.cn/report.html')).not.toContain('政策文件与解读关联');
  });

  it('is laid out for A4 with a page per site in the overview', async () => {
    const index = (await htmlFiles()).get('index.html')!;
    expect(index).toContain('size: A4');
    expect(index.match(/<section class="site">/g)).toHaveLength(3);
    expect(index).toMatch(/\.site \{ break-before: page;/);
    expect(index).toContain('href="sites/b.gov.cn/report.html"');
  });

  it('carries no export time, so re-exports of the same data are equal', async () => {
    for (const html of (await htmlFiles()).values()) {
      expect(html).not.toContain(CREATED_AT);
      expect(html).not.toContain('2026-12-31');
    }
  });
});
