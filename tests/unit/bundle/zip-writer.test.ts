import { describe, expect, it } from 'vitest';
import { buildBundle, buildBundleBlob } from '../../../lib/bundle/build-bundle';
import { blobSink, bufferSink, zipBound, zipFiles, type ZipFile } from '../../../lib/bundle/zip-writer';
import { fakePng, sampleInput, sampleSource, unzipAll } from './fixtures';

const DATE = new Date('2026-12-31T04:00:00.000Z');

function files(): ZipFile[] {
  return [
    { path: 'a/evidence/1.png', data: fakePng(1, 50_000), store: true },
    { path: 'a/report.html', data: new TextEncoder().encode('<p>报告</p>'.repeat(2000)), store: false },
    { path: 'b.json', data: new TextEncoder().encode('{"x":1}'), store: false },
  ];
}

describe('zip writer', () => {
  it('writes the same bytes to a buffer and to a Blob of many small parts', async () => {
    const list = files();
    const bound = zipBound(list);
    const percents: number[] = [];
    const buffer = await zipFiles(list, DATE, bufferSink(bound), (p) => percents.push(p));
    expect(list).toHaveLength(0); // handed over, so the caller holds no second reference
    expect(buffer.byteLength).toBeLessThanOrEqual(bound);
    expect(percents.at(-1)).toBe(100);
    const blob = await zipFiles(files(), DATE, blobSink(1024), () => undefined);
    expect(blob.type).toBe('application/zip');
    expect(Buffer.from(await blob.arrayBuffer()).equals(Buffer.from(buffer))).toBe(true);
    const unzipped = await unzipAll(buffer);
    expect([...unzipped.keys()]).toEqual(['a/evidence/1.png', 'a/report.html', 'b.json']);
    expect(Buffer.from(unzipped.get('a/evidence/1.png')!).equals(Buffer.from(fakePng(1, 50_000)))).toBe(true);
  });

  it('buildBundleBlob gives the bundle buildBundle gives, byte for byte', async () => {
    const input = sampleInput(await sampleSource());
    const bytes = await buildBundle(input);
    const progress: number[] = [];
    const blob = await buildBundleBlob(input, { onProgress: (p) => progress.push(p) });
    expect(Buffer.from(await blob.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(100);
    expect(progress.every((p, i) => i === 0 || p >= progress[i - 1]!)).toBe(true);
  });
});
