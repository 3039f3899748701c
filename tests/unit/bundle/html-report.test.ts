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
