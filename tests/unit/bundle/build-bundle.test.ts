import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildBundle, bundleFileName } from '../../../lib/bundle/build-bundle';
import type { BundleManifest } from '../../../lib/bundle/format';
import { sha256Hex } from '../../../lib/bundle/sha256';
import { readZipDirectory } from '../../../lib/bundle/zip-directory';
import { CREATED_AT, samplePairs, sampleInput, sampleSource, text, unzipAll } from './fixtures';

describe('buildBundle', () => {
  it('lists every other file in the manifest with its real SHA-256 and size', async () => {
    const files = await unzipAll(await buildBundle(sampleInput(await sampleSource())));
    const manifest = JSON.parse(text(files.get('manifest.json'))) as BundleManifest;
    expect(manifest).toMatchObject({ format: 'gov-site-inspector.bundle', formatVersion: 1, quarter: '2026Q4', createdAt: CREATED_AT });
    const others = [...files.keys()].filter((p) => p !== 'manifest.json').sort();
    expect(manifest.files.map((f) => f.path)).toEqual(others);
    for (const f of manifest.files) {
      const data = files.get(f.path)!;
      expect(f.bytes).toBe(data.byteLength);
      expect(f.sha256).toBe(await sha256Hex(data));
    }
  });

  it('lays out the contract’s files, with site folders named by 网站标识码 or host', async () => {
    const files = await unzipAll(await buildBundle(sampleInput(await sampleSource())));
    expect([...files.keys()].sort()).toEqual([
      'index.html',
      'manifest.json',
      'sites/1101000001/evidence/ev-1.png',
      'sites/1101000001/evidence/ev_2_x.png',
      'sites/1101000001/evidence/evidence.json',
      'sites/1101000001/findings.json',
      'sites/1101000001/pairs.json',
      'sites/1101000001/report.html',
      'sites/1101000001/site.json',
      'sites/b.gov.cn/evidence/evidence.json',
      'sites/b.gov.cn/findings.json',
      'sites/b.gov.cn/report.html',
      'sites/b.gov.cn/site.json',
      'sites/c.gov.cn/evidence/evidence.json',
      'sites/c.gov.cn/findings.json',
      'sites/c.gov.cn/report.html',
      'sites/c.gov.cn/site.json',
      'summary.csv',
      'summary.xlsx',
    ]);
    const siteJson = JSON.parse(text(files.get('sites/b.gov.cn/site.json')));
    expect(siteJson).toMatchObject({ name: '示例区"政府"', siteCode: '', verdict: '单项否决', score: 92 });
    expect(siteJson.inspection).toMatchObject({ computedVerdict: '合格', overrideReason: '首页暗链', inspector: '李四' });
    const findings = JSON.parse(text(files.get('sites/1101000001/findings.json')));
    expect(findings.map((f: { check: string }) => f.check)).toEqual(['expression', 'link']);
    expect(findings[1]).toMatchObject({ target: 'javascript:alert(1)', httpStatus: 404, expected: null, location: { kind: 'element', ref: 3 } });
    expect(findings[0]).toMatchObject({ status: 'confirmed', note: '已核实', verdictUpdatedAt: '2026-11-11T00:00:00.000Z' });
    const evidence = JSON.parse(text(files.get('sites/1101000001/evidence/evidence.json')));
    expect(evidence[0]).toMatchObject({ id: 'ev-1', file: 'ev-1.png', note: '首页截图' });
    expect(evidence[0].sha256).toBe(await sha256Hex(files.get('sites/1101000001/evidence/ev-1.png')!));
    expect(JSON.parse(text(files.get('sites/c.gov.cn/site.json'))).inspection).toBeNull();
  });

  it('writes the pair table as stored, with its updatedAt, keys in a fixed order', async () => {
    const files = await unzipAll(await buildBundle(sampleInput(await sampleSource())));
    const raw = text(files.get('sites/1101000001/pairs.json'));
    const pairs = JSON.parse(raw);
    const stored = samplePairs();
    expect(pairs).toEqual({ updatedAt: '2026-11-20T06:00:00.000Z', ...stored });
    expect(Object.keys(pairs)).toEqual(['updatedAt', 'rows', 'columns', 'listPages', 'items', 'stopped', 'loops']);
    expect(Object.keys(pairs.rows[1])).toEqual(['category', 'policy', 'interpretation', 'evidence', 'citedOther']);
    expect(raw.endsWith('}\n')).toBe(true);
    // Only site A has a pair table this quarter (site B's is of 2026Q3).
    expect([...files.keys()].filter((p) => p.endsWith('pairs.json'))).toEqual(['sites/1101000001/pairs.json']);
  });

  it('writes the summary table in CSV with BOM and CRLF', async () => {
    const files = await unzipAll(await buildBundle(sampleInput(await sampleSource())));
    const raw = files.get('summary.csv')!;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(raw);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('序号,网站名称,首页网址,网站标识码,检查结果,存在的问题,检查人,检查日期');
    expect(lines[1]).toBe('1,示例市人民政府 <script>alert(1)</script>,https://www.a.gov.cn/,1101000001,不合格,存在固定表述错误 2 处,张三,2026-11-12');
    expect(lines[2]).toBe('2,"示例区""政府""",http://b.gov.cn/index.html,,单项否决,存在固定表述错误 2 处,李四,2026-11-12');
    expect(lines[3]).toBe('3,无检查的网站,https://c.gov.cn/,,未检查,,,');
  });

  it('stores PNGs uncompressed and dates every entry createdAt, without folder entries', async () => {
    const bytes = await buildBundle(sampleInput(await sampleSource()));
    const directory = readZipDirectory(bytes);
    expect(directory.some((e) => e.isDirectory)).toBe(false);
    for (const e of directory) {
      if (e.name.endsWith('.png') || e.name.endsWith('.xlsx')) expect(e.compressedSize).toBe(e.uncompressedSize);
    }
    const zip = await JSZip.loadAsync(bytes);
    for (const f of Object.values(zip.files)) expect(f.date.toISOString()).toBe('2026-12-31T04:00:00.000Z');
  });

  it('gives the same bytes for the same input, whatever the order of sites and findings', async () => {
    const source = await sampleSource();
    const a = await buildBundle(sampleInput(source));
    const shuffled = sampleInput(source);
    shuffled.sites.reverse();
    for (const s of shuffled.sites) s.findings.reverse();
    const b = await buildBundle(shuffled);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const later = await buildBundle(sampleInput(source, '2027-01-02T00:00:00.000Z'));
    expect(Buffer.from(a).equals(Buffer.from(later))).toBe(false);
  });

  it('reports progress from 0 to 100, never going back', async () => {
    const seen: number[] = [];
    await buildBundle(sampleInput(await sampleSource()), { onProgress: (p) => seen.push(p) });
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(100);
    expect(seen.length).toBeGreaterThan(5);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
  });

  it('accepts PNGs as bytes as well as Blobs, with identical output', async () => {
    const source = await sampleSource();
    const asBlobs = await buildBundle(sampleInput(source));
    const input = sampleInput(source);
    for (const s of input.sites) {
      s.evidence = await Promise.all(s.evidence.map(async (e) => ({ ...e, png: new Uint8Array(await (e.png as Blob).arrayBuffer()) })));
    }
    expect(Buffer.from(await buildBundle(input)).equals(Buffer.from(asBlobs))).toBe(true);
  });

  it('refuses a malformed quarter or date in Chinese', async () => {
    const input = sampleInput(await sampleSource());
    await expect(buildBundle({ ...input, quarter: '2026-4' })).rejects.toThrow(/季度格式不正确/);
    await expect(buildBundle({ ...input, createdAt: 'yesterday' })).rejects.toThrow(/导出时间不正确/);
  });

  it('names the download after the quarter and the local date', () => {
    expect(bundleFileName('2026Q4', new Date(2026, 11, 31, 15, 0))).toBe('gov-site-inspection-2026Q4-20261231.zip');
  });
});
