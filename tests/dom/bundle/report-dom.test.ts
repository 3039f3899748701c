import { describe, expect, it } from 'vitest';
import { buildBundle } from '../../../lib/bundle/build-bundle';
import { sampleInput, sampleSource, text, unzipAll } from '../../unit/bundle/fixtures';

// Parsed by a real HTML parser: what a browser would build from the bundle's pages.
describe('bundle HTML as a browser parses it', () => {
  it('has no script element, no event handler and no non-http(s) link', async () => {
    const files = await unzipAll(await buildBundle(sampleInput(await sampleSource())));
    const pages = [...files].filter(([path]) => path.endsWith('.html'));
    expect(pages).toHaveLength(4);
    for (const [path, bytes] of pages) {
      const doc = new DOMParser().parseFromString(text(bytes), 'text/html');
      expect(doc.querySelectorAll('script, iframe, object, embed, form'), path).toHaveLength(0);
      for (const el of doc.querySelectorAll('*')) {
        for (const attr of el.getAttributeNames()) expect(attr.startsWith('on'), `${path} ${el.tagName} ${attr}`).toBe(false);
      }
      for (const a of doc.querySelectorAll('a[href]')) {
        expect(a.getAttribute('href'), path).toMatch(/^(https?:|#|sites\/|evidence\/)/);
      }
    }
    const report = new DOMParser().parseFromString(text(files.get('sites/1101000001/report.html')), 'text/html');
    expect(report.querySelector('h1')?.textContent).toBe('示例市人民政府 <script>alert(1)</script> 检查报告（2026Q4）');
  });
});
