import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from '../../../lib/bundle/build-bundle';
import { readBundle, type ReadBundleResult } from '../../../lib/bundle/read-bundle';
import { sha256Hex } from '../../../lib/bundle/sha256';
import { samplePairs, sampleInput, sampleSource, text, unzipAll, zipOf } from './fixtures';

/** The parts of pairs.json the tests spoil, typed loosely enough to hold wrong values. */
interface PairsJson {
  updatedAt?: string;
  items: number;
  rows: { category: string; policy?: { title: unknown }; interpretation?: unknown; broken?: { side: string }[] }[];
}

let good: Uint8Array;
let goodFiles: Map<string, Uint8Array>;

beforeAll(async () => {
  good = await buildBundle(sampleInput(await sampleSource()));
  goodFiles = await unzipAll(good);
});

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** The good bundle's files, edited, re-zipped; the manifest is recomputed only when `fixManifest`. */
async function variant(
  edit: (files: Map<string, Uint8Array>) => void,
  options: { fixManifest?: boolean; manifest?: (m: Record<string, unknown>) => void } = {},
): Promise<Uint8Array> {
  const files = new Map(goodFiles);
  edit(files);
  if (options.fixManifest || options.manifest) {
    const manifest = JSON.parse(text(files.get('manifest.json'))) as Record<string, unknown>;
    if (options.fixManifest) {
      const listed = [];
      for (const [path, data] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (path !== 'manifest.json') listed.push({ path, sha256: await sha256Hex(data), bytes: data.byteLength });
      }
      manifest.files = listed;
    }
    options.manifest?.(manifest);
    files.set('manifest.json', enc(JSON.stringify(manifest)));
  }
  return zipOf(Object.fromEntries(files));
}

function failure(result: ReadBundleResult): { code: string; message: string; file?: string } {
  if (result.ok) throw new Error('expected the bundle to be refused');
  return result.error;
}

/** Rewrites the uncompressed size that the central directory declares for `name`. */
function patchDeclaredSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  let eocd = out.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  let pos = view.getUint32(eocd + 16, true);
  for (let i = 0; i < view.getUint16(eocd + 10, true); i++) {
    const nameLength = view.getUint16(pos + 28, true);
    if (text(out.subarray(pos + 46, pos + 46 + nameLength)) === name) {
      view.setUint32(pos + 24, size, true);
      return out;
    }
    pos += 46 + nameLength + view.getUint16(pos + 30, true) + view.getUint16(pos + 32, true);
  }
  throw new Error(`no entry ${name}`);
}

describe('readBundle', () => {
  it('reads a good bundle: manifest, sites, findings and screenshots', async () => {
    const result = await readBundle(good);
    if (!result.ok) throw new Error(result.error.message);
    const { manifest, sites } = result.bundle;
    expect(manifest.quarter).toBe('2026Q4');
    expect(sites.map((s) => s.folder)).toEqual(['1101000001', 'b.gov.cn', 'c.gov.cn']);
    expect(sites[0]!.findings).toHaveLength(2);
    expect(sites[0]!.evidence.map((e) => e.png)).toEqual([goodFiles.get('sites/1101000001/evidence/ev-1.png'), goodFiles.get('sites/1101000001/evidence/ev_2_x.png')]);
    expect(sites[2]!.site.inspection).toBeNull();
  });

  it('reads the pair table where there is one, exactly as it was written', async () => {
    const result = await readBundle(good);
    if (!result.ok) throw new Error(result.error.message);
    const [a, b] = result.bundle.sites;
    expect(a!.pairs).toEqual(JSON.parse(text(goodFiles.get('sites/1101000001/pairs.json'))));
    expect(a!.pairs).toEqual({ updatedAt: '2026-11-20T06:00:00.000Z', ...samplePairs() });
    expect(b).not.toHaveProperty('pairs');
  });

  it.each([
    ['an unknown category', (p: PairsJson) => void (p.rows[0]!.category = '部分关联'), 'rows[0].category'],
    ['a row with neither side', (p: PairsJson) => void (delete p.rows[4]!.interpretation), 'rows[4].policy'],
    ['a title that is not text', (p: PairsJson) => void (p.rows[1]!.policy!.title = 7), 'rows[1].policy.title'],
    ['a broken link of no side', (p: PairsJson) => void (p.rows[3]!.broken![0]!.side = 'both'), 'rows[3].broken[0].side'],
    ['no updatedAt', (p: PairsJson) => void delete p.updatedAt, 'updatedAt'],
    ['a negative item count', (p: PairsJson) => void (p.items = -1), 'items'],
  ])('refuses pairs.json with %s, naming the file and the field', async (_what, spoil, field) => {
    const path = 'sites/1101000001/pairs.json';
    const bytes = await variant(
      (files) => {
        const pairs = JSON.parse(text(files.get(path))) as PairsJson;
        spoil(pairs);
        files.set(path, enc(JSON.stringify(pairs)));
      },
      { fixManifest: true },
    );
    const error = failure(await readBundle(bytes));
    expect(error).toMatchObject({ code: 'invalid-content', file: path });
    expect(error.message).toContain(field);
  });

  it('refuses a pairs.json the manifest does not list', async () => {
    const bytes = await variant((files) => files.set('sites/b.gov.cn/pairs.json', goodFiles.get('sites/1101000001/pairs.json')!));
    expect(failure(await readBundle(bytes))).toMatchObject({ code: 'unlisted-file', file: 'sites/b.gov.cn/pairs.json' });
  });

  it('reads a Blob and an ArrayBuffer alike', async () => {
    expect((await readBundle(new Blob([good as Uint8Array<ArrayBuffer>]))).ok).toBe(true);
    expect((await readBundle(good.slice().buffer)).ok).toBe(true);
  });

  it.each([
    ['random bytes', new Uint8Array(5000).map((_, i) => (i * 37) & 0xff)],
    ['a text file', enc('序号,网站名称\r\n1,示例\r\n')],
    ['an empty file', new Uint8Array(0)],
  ])('says %s is not a zip', async (_, bytes) => {
    const error = failure(await readBundle(bytes));
    expect(error.code).toBe('not-zip');
    expect(error.message).toContain('不是 ZIP 压缩包');
  });

  it.each([0.5, 0.9, 0.999])('says a zip cut at %d of its length is truncated', async (share) => {
    const error = failure(await readBundle(good.slice(0, Math.floor(good.length * share))));
    expect(error.code).toBe('truncated');
    expect(error.message).toContain('不完整');
  });

  it('says a zip without manifest.json is not a bundle', async () => {
    const error = failure(await readBundle(await zipOf({ 'a.txt': 'x' })));
    expect(error).toMatchObject({ code: 'not-bundle' });
    expect(error.message).toContain('不是巡检助手的季度包');
  });

  it('says a zip with another format’s manifest is not a bundle', async () => {
    for (const manifest of ['{"format":"other","formatVersion":1}', 'not json', '[]']) {
      expect(failure(await readBundle(await zipOf({ 'manifest.json': manifest }))).code).toBe('not-bundle');
    }
  });

  it('refuses a newer formatVersion, naming the version it reads', async () => {
    const bytes = await variant(() => {}, { manifest: (m) => (m.formatVersion = 2) });
    const error = failure(await readBundle(bytes));
    expect(error.code).toBe('newer-version');
    expect(error.message).toContain('第 2 版');
    expect(error.message).toContain('只能读取第 1 版');
  });

  it('names a file whose content differs from its hash', async () => {
    const bytes = await variant((files) => {
      const data = files.get('sites/b.gov.cn/findings.json')!.slice();
      data[10] = data[10] === 0x61 ? 0x62 : 0x61;
      files.set('sites/b.gov.cn/findings.json', data);
    });
    const error = failure(await readBundle(bytes));
    expect(error).toMatchObject({ code: 'tampered', file: 'sites/b.gov.cn/findings.json' });
    expect(error.message).toContain('“sites/b.gov.cn/findings.json”');
  });

  it('names a file whose size differs from the manifest', async () => {
    const bytes = await variant((files) => files.set('summary.csv', enc(`${text(files.get('summary.csv'))}extra`)));
    expect(failure(await readBundle(bytes))).toMatchObject({ code: 'tampered', file: 'summary.csv' });
  });

  it('refuses a file the manifest does not list', async () => {
    const bytes = await variant((files) => files.set('sites/b.gov.cn/evidence/extra.png', new Uint8Array([1, 2, 3])));
    const error = failure(await readBundle(bytes));
    expect(error).toMatchObject({ code: 'unlisted-file', file: 'sites/b.gov.cn/evidence/extra.png' });
  });

  it('refuses a bundle missing a listed file', async () => {
    const bytes = await variant((files) => files.delete('sites/1101000001/evidence/ev-1.png'));
    expect(failure(await readBundle(bytes))).toMatchObject({ code: 'missing-file', file: 'sites/1101000001/evidence/ev-1.png' });
  });

  it.each(['../x', 'sites/../../etc/passwd', '/etc/passwd', 'sites\\b.gov.cn\\site.json', 'C:/Windows/x', 'sites/./a'])(
    'refuses the entry name %j (zip-slip)',
    async (name) => {
      const bytes = await zipOf({ 'manifest.json': text(goodFiles.get('manifest.json')), [name]: 'x' });
      const error = failure(await readBundle(bytes));
      expect(error.code).toBe('unsafe-path');
      expect(error.message).toContain('已拒绝导入');
    },
  );

  it('refuses an entry of several GB from the zip directory alone, before inflating', async () => {
    const bytes = patchDeclaredSize(good, 'sites/1101000001/evidence/ev-1.png', 0xfffffff0);
    const error = failure(await readBundle(bytes));
    expect(error).toMatchObject({ code: 'too-large', file: 'sites/1101000001/evidence/ev-1.png' });
    expect(error.message).toContain('4.0 GB');
  });

  it('refuses a file of several GB from its size, without reading it', async () => {
    class HugeBlob extends Blob {
      override get size(): number {
        return 5 * 1024 ** 3;
      }
      override arrayBuffer(): Promise<ArrayBuffer> {
        throw new Error('must not be read');
      }
    }
    const error = failure(await readBundle(new HugeBlob([])));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('5.0 GB');
    expect(error.message).toContain('2.0 GB');
    expect(failure(await readBundle(good, { maxBundleBytes: 1000 })).code).toBe('too-large');
    expect(failure(await readBundle(good, { maxTotalBytes: 1000 })).code).toBe('too-large');
  });

  it('stops inflating an entry that grows past the size its directory declares', async () => {
    const bytes = patchDeclaredSize(good, 'manifest.json', 100);
    const error = failure(await readBundle(bytes));
    expect(error).toMatchObject({ code: 'tampered', file: 'manifest.json' });
  });

  it('refuses a data file without the documented shape, naming it and the field', async () => {
    const bytes = await variant(
      (files) => {
        const site = JSON.parse(text(files.get('sites/b.gov.cn/site.json')));
        site.verdict = '优秀';
        files.set('sites/b.gov.cn/site.json', enc(JSON.stringify(site)));
      },
      { fixManifest: true },
    );
    const error = failure(await readBundle(bytes));
    expect(error).toMatchObject({ code: 'invalid-content', file: 'sites/b.gov.cn/site.json' });
    expect(error.message).toContain('verdict');
  });

  it('refuses evidence.json whose hash disagrees with the screenshot', async () => {
    const bytes = await variant(
      (files) => {
        const path = 'sites/1101000001/evidence/evidence.json';
        const list = JSON.parse(text(files.get(path)));
        list[0].sha256 = '0'.repeat(64);
        files.set(path, enc(JSON.stringify(list)));
      },
      { fixManifest: true },
    );
    expect(failure(await readBundle(bytes))).toMatchObject({ code: 'tampered', file: 'sites/1101000001/evidence/evidence.json' });
  });

  it('never throws, even on input of the wrong type', async () => {
    const error = failure(await readBundle(undefined as unknown as Uint8Array));
    expect(error.code).toBe('unreadable');
    expect(error.message).toMatch(/^无法读取季度包：/);
  });
});
