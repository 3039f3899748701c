/**
 * Links of a fetched HTML page without a DOM: the MV3 service worker has no DOMParser, and the crawl only needs
 * where the page points to. Reads `<a href>`, `<area href>` and `<frame|iframe src>` outside comments, scripts and
 * styles, resolved against `<base href>` or the page URL. Anything finer (menus, lists, dates) comes from a DOM
 * snapshot taken elsewhere.
 */
import { resolveHref } from '../links/normalize-url';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the character references that occur in URLs (&amp;, &#38;, &#x26;). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : undefined;
}

/** Absolute, normalised http(s) URLs the page links to, in document order, without duplicates. */
export function extractLinks(html: string, pageUrl: string): string[] {
  const cleaned = html.replace(/<!--[\s\S]*?-->|<script\b[\s\S]*?<\/script\s*>|<style\b[\s\S]*?<\/style\s*>/gi, ' ');
  const baseHref = /<base\b[^>]*>/i.exec(cleaned);
  let base = pageUrl;
  const declared = baseHref ? attr(baseHref[0], 'href') : undefined;
  if (declared) {
    const r = resolveHref(declared, pageUrl);
    if (r.ok) base = r.url;
  }
  const out = new Set<string>();
  for (const m of cleaned.matchAll(/<(a|area|frame|iframe)\b[^>]*>/gi)) {
    const tag = m[0];
    const raw = (m[1] ?? '').toLowerCase().endsWith('frame') ? attr(tag, 'src') : attr(tag, 'href');
    if (raw === undefined) continue;
    const r = resolveHref(raw, base);
    if (r.ok) out.add(r.url);
  }
  return [...out];
}
