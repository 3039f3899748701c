/**
 * Reads a zip's central directory (names and sizes) without inflating anything, so sizes and names can be
 * judged before a single entry is decompressed. Only what the bundle needs: no ZIP64, no encryption.
 * Layout facts from PKWARE's APPNOTE.TXT (end of central directory record, central file headers).
 */
import { BundleError } from './bundle-error';

export interface ZipDirectoryEntry {
  name: string;
  compressedSize: number;
  /** As the directory declares it; the reader still enforces it while inflating. */
  uncompressedSize: number;
  isDirectory: boolean;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

const nameDecoder = new TextDecoder('utf-8', { fatal: true });

function findEndOfDirectory(view: DataView): number {
  const last = view.byteLength - EOCD_SIZE;
  for (let pos = last; pos >= 0 && pos >= last - MAX_COMMENT; pos--) {
    if (view.getUint32(pos, true) === EOCD_SIGNATURE) return pos;
  }
  return -1;
}

/** Throws a BundleError (not-zip, truncated, unsupported-zip) when the directory cannot be read. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectoryEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const startsLikeZip = bytes.byteLength >= 4 && view.getUint32(0, true) === LOCAL_SIGNATURE;
  const eocd = bytes.byteLength >= EOCD_SIZE ? findEndOfDirectory(view) : -1;
  if (eocd < 0) {
    if (startsLikeZip) throw new BundleError('truncated', '季度包不完整（ZIP 文件被截断），可能是下载或复制中断，请重新获取完整文件');
    throw new BundleError('not-zip', '所选文件不是 ZIP 压缩包，不是巡检助手导出的季度包');
  }
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff ||
      (eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR_SIGNATURE)) {
    throw new BundleError('unsupported-zip', '季度包使用了 ZIP64 格式（超过 4 GB 或条目过多），本程序不支持');
  }
  if (offset + size > eocd) throw new BundleError('truncated', '季度包不完整（ZIP 目录已损坏或被截断），请重新获取完整文件');

  const entries: ZipDirectoryEntry[] = [];
  let pos = offset;
  for (let i = 0; i < count; i++) {
    if (pos + 46 > eocd || view.getUint32(pos, true) !== CENTRAL_SIGNATURE) {
      throw new BundleError('truncated', '季度包不完整（ZIP 目录已损坏或被截断），请重新获取完整文件');
    }
    const flags = view.getUint16(pos + 8, true);
    const compressedSize = view.getUint32(pos + 20, true);
    const uncompressedSize = view.getUint32(pos + 24, true);
    const nameLength = view.getUint16(pos + 28, true);
    const extraLength = view.getUint16(pos + 30, true);
    const commentLength = view.getUint16(pos + 32, true);
    const localOffset = view.getUint32(pos + 42, true);
    if (pos + 46 + nameLength > eocd) throw new BundleError('truncated', '季度包不完整（ZIP 目录已损坏或被截断），请重新获取完整文件');
    let name: string;
    try {
      name = nameDecoder.decode(bytes.subarray(pos + 46, pos + 46 + nameLength));
    } catch {
      throw new BundleError('unsafe-path', '季度包中有无法识别的文件名（不是 UTF-8 编码），已拒绝导入');
    }
    if (flags & 0x1) throw new BundleError('unsupported-zip', `季度包中的文件“${name}”已加密，本程序不支持`, name);
    if (localOffset + compressedSize > offset) {
      throw new BundleError('truncated', `季度包不完整：文件“${name}”的数据不完整`, name);
    }
    entries.push({ name, compressedSize, uncompressedSize, isDirectory: name.endsWith('/') });
    pos += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Why `name` may not be extracted anywhere (zip-slip), or undefined when it is safe: no backslash, no
 * absolute path or drive letter, no “.” / “..” / empty segment, no control character.
 */
export function unsafePathReason(name: string): string | undefined {
  if (name.includes('\\')) return '含反斜杠';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return '是绝对路径';
  if (/[\u0000-\u001f\u007f]/.test(name)) return '含控制字符';
  const segments = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  if (segments.some((s) => s === '..')) return '含“../”';
  if (segments.some((s) => s === '' || s === '.')) return '含空的或“.”路径段';
  return undefined;
}
