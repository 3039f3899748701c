/** The excerpt a finding shows: its text with some context, as the reader sees it (shared by the text checks). */

const EXCERPT_SIDE = 20;

/**
 * The text around [start, end) as the reader sees it, cut at about 20 characters on each side. `show` renders the
 * window [from, to) of `text` (the privacy check masks the numbers in it).
 */
export function excerptAround(
  text: string,
  start: number,
  end: number,
  show: (from: number, to: number) => string = (from, to) => text.slice(from, to),
): string {
  let from = Math.max(0, start - EXCERPT_SIDE);
  let to = Math.min(text.length, end + EXCERPT_SIDE);
  // Never cut a surrogate pair in half.
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from--;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to++;
  const body = show(from, to).replace(/\s+/g, ' ');
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
