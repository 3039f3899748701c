/** Runs of white space as one space, trimmed: how display strings (labels, link texts, cells) are compared and shown. */
export function collapse(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
