/**
 * Bytes of an HTML page → text, the way a browser picks the encoding (WHATWG “encoding sniffing”, simplified):
 * byte-order mark, then the Content-Type charset, then `<meta charset>` / `<meta http-equiv>` in the first
 * 1024 bytes, then — for a page that declares nothing — UTF-8 if the bytes are valid UTF-8, else GB18030 (what a
 * Chinese-locale browser falls back to). GB2312 and GBK labels decode with GB18030, a superset of both, because
 * pages labelled GB2312 routinely use GBK-only characters (镕, 堃, 喆 in names).
 */

/** How the encoding was chosen. */
export type CharsetSource = 'bom' | 'header' | 'meta' | 'sniffed' | 'default';

export interface DecodedHtml {
  text: string;
  /** The TextDecoder encoding used (utf-8, gb18030, big5, utf-16le …). */
  charset: string;
  source: CharsetSource;
  /** The label as the page or server wrote it, when there was one. */
  declared?: string;
}

/** Labels of the Chinese encodings that all decode with GB18030. */
const GB_LABELS = new Set(['gb2312', 'gbk', 'x-gbk', 'gb18030', 'gb_2312-80', 'gb_2312', 'chinese', 'csgb2312', 'csiso58gb231280', 'iso-ir-58', 'cp936', 'ms936', 'windows-936']);

/**
 * The TextDecoder encoding for a charset label, or undefined when the label is unknown. UTF-16 labels found in a
 * meta tag mean UTF-8 (the HTML standard: a page that can be read as ASCII to find its meta is not UTF-16).
 */
export function encodingForLabel(label: string, fromMeta = false): string | undefined {
  const name = label.trim().toLowerCase();
  if (GB_LABELS.has(name)) return 'gb18030';
  if (fromMeta && /^utf-16/.test(name)) return 'utf-8';
  try {
    return new TextDecoder(name).encoding;
  } catch {
    return undefined;
  }
}

/** The charset parameter of a Content-Type value. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;]+))/i.exec(contentType ?? '');
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** The charset declared by a meta tag within the first 1024 bytes (charset names are ASCII, so latin1 is enough). */
export function charsetFromMeta(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).replace(/<!--[\s\S]*?-->/g, '');
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct && !/http-equiv/i.test(tag)) return direct[1];
    if (/http-equiv\s*=\s*["']?\s*content-type/i.test(tag)) {
      const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
      const value = content ? (content[1] ?? content[2] ?? content[3] ?? '') : '';
      const charset = /charset\s*=\s*["']?([\w.:-]+)/i.exec(value)?.[1];
      if (charset) return charset;
    }
  }
  return undefined;
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/**
 * Decodes an HTML body. `contentType` is the response header value, when known. Never throws: bytes that do not
 * fit the chosen encoding become U+FFFD, as in a browser.
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string): DecodedHtml {
  const bom = bomEncoding(bytes);
  // TextDecoder strips a BOM that matches its encoding, so the text never starts with U+FEFF.
  if (bom) return { text: new TextDecoder(bom).decode(bytes), charset: bom, source: 'bom' };
  const headerLabel = charsetFromContentType(contentType);
  const fromHeader = headerLabel ? encodingForLabel(headerLabel) : undefined;
  if (headerLabel && fromHeader) {
    return { text: new TextDecoder(fromHeader).decode(bytes), charset: fromHeader, source: 'header', declared: headerLabel };
  }
  const metaLabel = charsetFromMeta(bytes);
  const fromMeta = metaLabel ? encodingForLabel(metaLabel, true) : undefined;
  if (metaLabel && fromMeta) {
    return { text: new TextDecoder(fromMeta).decode(bytes), charset: fromMeta, source: 'meta', declared: metaLabel };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8', source: 'default' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), charset: 'gb18030', source: 'sniffed' };
  }
}
