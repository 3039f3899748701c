/**
 * What soft-404 and bot-wall detection read from the first bytes of an answer: the title and the main heading.
 * Decoding itself is `lib/encoding/decode-html` (the browser's charset rules, GBK pages included).
 */
import { decodeHtml } from '../encoding/decode-html';

/**
 * Decodes a body prefix. The prefix may end inside a multi-byte UTF-8 character, which would make the decoder
 * take the page for GB18030, so an incomplete trailing sequence is dropped first.
 */
export function decodePrefix(bytes: Uint8Array, contentType?: string): string {
  return decodeHtml(dropIncompleteUtf8Tail(bytes), contentType).text;
}

function dropIncompleteUtf8Tail(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back] ?? 0;
    if (b < 0x80) return bytes; // ASCII: nothing is cut
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return need > back ? bytes.subarray(0, bytes.length - back) : bytes;
    }
  }
  return bytes;
}

/** The text of `<title>` and of the first `<h1>` (or `<h2>` when there is no h1), tags removed. */
export function titleAndHeading(html: string): { title: string; heading: string } {
  const title = textOf(/<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1]);
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1];
  const heading = textOf(h1 ?? /<h2[^>]*>([\s\S]*?)<\/h2>/i.exec(html)?.[1]);
  return { title, heading };
}

function textOf(fragment: string | undefined): string {
  if (!fragment) return '';
  return fragment
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a Content-Type names an HTML (or unknown, so possibly HTML) document. */
export function isHtmlType(contentType: string | undefined): boolean {
  if (!contentType) return true;
  return /text\/html|application\/xhtml/i.test(contentType);
}
