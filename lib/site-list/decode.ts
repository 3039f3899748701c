/**
 * Text of an uploaded CSV: UTF-8 with or without BOM, UTF-16 (Excel's “Unicode 文本”), or GBK/GB18030
 * (what Excel writes on Chinese Windows). UTF-8 is tried strictly first because GBK bytes are almost never
 * valid UTF-8, while UTF-8 bytes often decode as (wrong) GBK.
 */

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** Decodes file bytes, detecting the encoding. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // gb18030 is a superset of GBK and GB2312, so one decoder covers all of Excel's Chinese code pages.
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
