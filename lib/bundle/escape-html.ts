/**
 * The only way bundle HTML takes a value: every string that comes from a record goes through `escapeHtml`
 * (text and quoted attribute values alike) and every link target through `safeHref`.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes text for an HTML text node or a double-quoted attribute value. Null/undefined print as ''. */
export function escapeHtml(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"'`]/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/**
 * The URL to put in an href, or undefined when it must not be a link: only absolute http(s) URLs pass
 * (a `javascript:`/`data:` URL, even disguised with case, whitespace or entities, stays plain text).
 * The result is re-serialised by the URL parser and still needs `escapeHtml` when written out.
 */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
}

/** `<a href>` for a safe http(s) URL, else the escaped text alone. */
export function linkOrText(url: string | null | undefined, text?: string): string {
  const href = safeHref(url);
  const label = escapeHtml(text ?? url ?? '');
  return href ? `<a href="${escapeHtml(href)}" rel="noreferrer noopener">${label}</a>` : label;
}
