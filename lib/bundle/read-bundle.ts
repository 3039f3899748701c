/**
 * Bytes (or a Blob) in, a validated bundle out — or a Chinese explanation of why not. Nothing is trusted:
 * the size is judged before reading, names and declared sizes before inflating, every file against the
 * manifest's size and SHA-256, and every data file against the documented shape (docs/bundle-format.md).
 */
import JSZip from 'jszip';
import { BundleError, formatBytes, type BundleErrorCode } from './bundle-error';
import { parseEvidenceIndex, parseFindings, parseManifest, parseSiteJson } from './bundle-schema';
import { MANIFEST_PATH, SITE_FILES, type BundleEvidence, type BundleFinding, type BundleManifest, type BundlePairs, type BundleSiteJson } from './format';
import { parsePairs } from './pairs-json';
import { sha256Hex } from './sha256';
import { readZipDirectory, unsafePathReason, type ZipDirectoryEntry } from './zip-directory';

export interface ReadBundleOptions {
  /** Largest bundle accepted, judged on the Blob's size before reading it. Default 2 GB. */
  maxBundleBytes?: number;
  /** Largest single file, judged on the zip directory before inflating. Default 1 GB. */
  maxEntryBytes?: number;
  /** Largest sum of all files once inflated. Default 4 GB. */
  maxTotalBytes?: number;
}

export interface ParsedEvidence {
  entry: BundleEvidence;
  png: Uint8Array;
}

export interface ParsedSite {
  /** The folder under sites/ the site came from. */
  folder: string;
  site: BundleSiteJson;
  findings: BundleFinding[];
  evidence: ParsedEvidence[];
  /** The site's pair table, when the bundle has sites/<folder>/pairs.json. */
  pairs?: BundlePairs;
}

export interface ParsedBundle {
  manifest: BundleManifest;
  sites: ParsedSite[];
}

export type ReadBundleResult =
  | { ok: true; bundle: ParsedBundle }
  | { ok: false; error: { code: BundleErrorCode; message: string; file?: string } };

const GB = 1024 ** 3;
const DEFAULTS: Required<ReadBundleOptions> = { maxBundleBytes: 2 * GB, maxEntryBytes: GB, maxTotalBytes: 4 * GB };

/** The private streaming reader JSZip objects have (documented in JSZip's API, missing from its typings). */
interface StreamableZipObject {
  internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array>;
}

/** Inflates one entry, stopping as soon as it grows past `declared` bytes (a zip that lies about sizes). */
function inflateEntry(obj: JSZip.JSZipObject, declared: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    const stream = (obj as unknown as StreamableZipObject).internalStream('uint8array');
    stream
      .on('data', (chunk) => {
        total += chunk.byteLength;
        if (total > declared) {
          stream.pause();
          reject(new BundleError('tampered', `季度包中的文件“${obj.name}”实际大小超过 ZIP 目录所记录的大小，已拒绝导入`, obj.name));
          return;
        }
        chunks.push(chunk);
      })
      .on('error', (err) => reject(new BundleError('truncated', `季度包中的文件“${obj.name}”无法解压（${err.message}），文件可能已损坏`, obj.name)))
      .on('end', () => {
        const out = new Uint8Array(total);
        let at = 0;
        for (const c of chunks) out.set(c, (at += c.byteLength) - c.byteLength);
        resolve(out);
      })
      .resume();
  });
}

/** Names, duplicates and declared sizes, all from the directory: nothing inflated yet. */
function checkDirectory(entries: readonly ZipDirectoryEntry[], limits: Required<ReadBundleOptions>): void {
  const seen = new Set<string>();
  let total = 0;
  for (const entry of entries) {
    const reason = unsafePathReason(entry.name);
    if (reason) throw new BundleError('unsafe-path', `季度包中的文件名“${entry.name}”${reason}，可能是恶意压缩包，已拒绝导入`, entry.name);
    if (seen.has(entry.name)) throw new BundleError('unsupported-zip', `季度包中的文件“${entry.name}”重复出现，已拒绝导入`, entry.name);
    seen.add(entry.name);
    if (entry.uncompressedSize > limits.maxEntryBytes) {
      throw new BundleError(
        'too-large',
        `季度包中的文件“${entry.name}”解压后有 ${formatBytes(entry.uncompressedSize)}，超过单个文件 ${formatBytes(limits.maxEntryBytes)} 的上限，已拒绝导入`,
        entry.name,
      );
    }
    total += entry.uncompressedSize;
  }
  if (total > limits.maxTotalBytes) {
    throw new BundleError('too-large', `季度包解压后共 ${formatBytes(total)}，超过 ${formatBytes(limits.maxTotalBytes)} 的上限，已拒绝导入`);
  }
}

function parseJson(bytes: Uint8Array, file: string, code: BundleErrorCode): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new BundleError(code, `季度包文件“${file}”不是有效的 JSON（UTF-8）`, file);
  }
}

async function readValidated(input: Uint8Array | ArrayBuffer | Blob, limits: Required<ReadBundleOptions>): Promise<ParsedBundle> {
  const size = input instanceof Blob ? input.size : input.byteLength;
  if (size > limits.maxBundleBytes) {
    throw new BundleError('too-large', `所选文件有 ${formatBytes(size)}，超过季度包 ${formatBytes(limits.maxBundleBytes)} 的上限，已拒绝导入`);
  }
  const bytes = input instanceof Blob ? new Uint8Array(await input.arrayBuffer()) : input instanceof Uint8Array ? input : new Uint8Array(input);
  const directory = readZipDirectory(bytes);
  checkDirectory(directory, limits);
  const sizes = new Map(directory.filter((e) => !e.isDirectory).map((e) => [e.name, e.uncompressedSize]));
  if (!sizes.has(MANIFEST_PATH)) throw new BundleError('not-bundle', '所选 ZIP 不是巡检助手的季度包（缺少 manifest.json）');

  let zip: JSZip;
  try {
    // No checkCRC32: it would inflate every entry before our size checks; SHA-256 checks cover integrity.
    zip = await JSZip.loadAsync(bytes);
  } catch (err) {
    throw new BundleError('truncated', `季度包无法解析（${err instanceof Error ? err.message : String(err)}），文件可能已损坏`);
  }
  const read = (path: string): Promise<Uint8Array> => {
    const obj = zip.file(path);
    if (!obj) throw new BundleError('unsupported-zip', `季度包中的文件“${path}”无法读取，ZIP 目录可能被篡改`, path);
    return inflateEntry(obj, sizes.get(path) ?? 0);
  };
  // JSZip must see exactly the names we checked (a Unicode-path extra field could rename an entry).
  const jszipNames = Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name);
  if (jszipNames.length !== sizes.size || jszipNames.some((n) => !sizes.has(n))) {
    throw new BundleError('unsupported-zip', '季度包的 ZIP 目录前后不一致，可能被篡改，已拒绝导入');
  }

  const manifest = parseManifest(parseJson(await read(MANIFEST_PATH), MANIFEST_PATH, 'not-bundle'));
  const listed = new Map<string, { sha256: string; bytes: number }>();
  for (const f of manifest.files) {
    if (f.path === MANIFEST_PATH || listed.has(f.path)) {
      throw new BundleError('invalid-manifest', `manifest.json 中的文件“${f.path}”重复或不应列出`, MANIFEST_PATH);
    }
    listed.set(f.path, f);
  }
  for (const name of sizes.keys()) {
    if (name !== MANIFEST_PATH && !listed.has(name)) {
      throw new BundleError('unlisted-file', `季度包中的文件“${name}”不在 manifest.json 清单中，可能被添加或篡改，已拒绝导入`, name);
    }
  }
  const contents = new Map<string, Uint8Array>();
  for (const [path, want] of listed) {
    const declared = sizes.get(path);
    if (declared === undefined) throw new BundleError('missing-file', `季度包缺少 manifest.json 中列出的文件“${path}”，已拒绝导入`, path);
    const tampered = new BundleError('tampered', `季度包中的文件“${path}”与 manifest.json 记录的大小或 SHA-256 不一致，可能已被修改，已拒绝导入`, path);
    if (declared !== want.bytes) throw tampered;
    const data = await read(path);
    if (data.byteLength !== want.bytes || (await sha256Hex(data)) !== want.sha256) throw tampered;
    contents.set(path, data);
  }
  return { manifest, sites: collectSites(contents, listed) };
}

/** Every sites/<folder>/site.json with its findings, evidence and (if present) pair table. */
function collectSites(
  contents: ReadonlyMap<string, Uint8Array>,
  listed: ReadonlyMap<string, { sha256: string }>,
): ParsedSite[] {
  const folders = [...contents.keys()]
    .map((p) => /^sites\/([^/]+)\/site\.json$/.exec(p)?.[1])
    .filter((f): f is string => f !== undefined)
    .sort();
  return folders.map((folder) => {
    const dir = `sites/${folder}/`;
    const json = (name: string): unknown => {
      const path = dir + name;
      const data = contents.get(path);
      if (!data) throw new BundleError('missing-file', `季度包缺少文件“${path}”`, path);
      return parseJson(data, path, 'invalid-content');
    };
    const indexPath = dir + SITE_FILES.evidenceIndex;
    const evidence = parseEvidenceIndex(json(SITE_FILES.evidenceIndex), indexPath).map((entry) => {
      const path = `${dir}evidence/${entry.file}`;
      const png = contents.get(path);
      if (!png) throw new BundleError('missing-file', `“${indexPath}”列出的截图“${path}”不在季度包中`, path);
      if (listed.get(path)?.sha256 !== entry.sha256) {
        throw new BundleError('tampered', `“${indexPath}”记录的截图“${entry.file}”的 SHA-256 与截图文件不一致，已拒绝导入`, indexPath);
      }
      return { entry, png };
    });
    const parsed: ParsedSite = {
      folder,
      site: parseSiteJson(json(SITE_FILES.site), dir + SITE_FILES.site),
      findings: parseFindings(json(SITE_FILES.findings), dir + SITE_FILES.findings),
      evidence,
    };
    // Optional: bundles without a pair table (or from before it was exported) have no pairs.json.
    if (contents.has(dir + SITE_FILES.pairs)) parsed.pairs = parsePairs(json(SITE_FILES.pairs), dir + SITE_FILES.pairs);
    return parsed;
  });
}

/** Reads and checks a bundle. Never throws: every failure comes back as `{ ok: false, error }` in Chinese. */
export async function readBundle(input: Uint8Array | ArrayBuffer | Blob, options: ReadBundleOptions = {}): Promise<ReadBundleResult> {
  try {
    return { ok: true, bundle: await readValidated(input, { ...DEFAULTS, ...options }) };
  } catch (err) {
    if (err instanceof BundleError) return { ok: false, error: { code: err.code, message: err.message, ...(err.file ? { file: err.file } : {}) } };
    const reason = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { code: 'unreadable', message: `无法读取季度包：${reason}` } };
  }
}
