/**
 * Fetched HTML → Document, for pages the background requests (policy interpretations, the site crawl).
 * Needs a DOMParser, so it runs in the offscreen document, not in the service worker.
 * Scripts in a parsed document never run, and nothing of it is ever attached to a live page.
 */
export function parseHtmlDocument(parser: DOMParser, html: string, url: string): Document {
  const doc = parser.parseFromString(html, 'text/html');
  // Relative links must resolve against the page's own address, not the parser's.
  const base = doc.querySelector('base[href]');
  const resolved = base ? new URL(base.getAttribute('href') ?? '', url).href : url;
  const tag = doc.createElement('base');
  tag.setAttribute('href', resolved);
  if (base) base.replaceWith(tag);
  else doc.head.prepend(tag);
  return doc;
}
