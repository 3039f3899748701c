/**
 * The caption strip burnt into an evidence screenshot: which page, when, which site, which finding. The text is
 * part of the PNG (and so of its SHA-256), so a screenshot taken out of the bundle still says what it proves.
 * Pure: the drawing side hands in a `measure` function of its canvas.
 */

/** What the caption says. */
export interface CaptionInput {
  url: string;
  capturedAt: Date;
  /** '' when the page belongs to no site of the inspection list. */
  siteName: string;
  siteCode?: string;
  /** The findings the screenshot is evidence for (message, and the excerpt when there is one). */
  findings: ReadonlyArray<{ message: string; excerpt?: string }>;
}

/** Findings named one by one in the caption; more are counted, so the strip stays a few lines high. */
const MAX_NAMED_FINDINGS = 3;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The local date as inspectors write it: “2026-11-20”. */
export function formatLocalDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Local time as inspectors write it: “2026-11-20 16:05:09”. */
export function formatCaptureTime(date: Date): string {
  return `${formatLocalDate(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** The caption as logical lines (before wrapping to the image width). */
export function captionLines(input: CaptionInput): string[] {
  const site = input.siteName
    ? `网站：${input.siteName}${input.siteCode ? `（网站标识码 ${input.siteCode}）` : ''}`
    : '网站：未列入巡检名单';
  const lines = [`网址：${input.url}`, `截图时间：${formatCaptureTime(input.capturedAt)}    ${site}`];
  const named = input.findings.slice(0, MAX_NAMED_FINDINGS);
  named.forEach((f, i) => {
    const excerpt = f.excerpt?.trim() ? `（${f.excerpt.trim().slice(0, 60)}）` : '';
    const prefix = input.findings.length > 1 ? `问题${i + 1}：` : '问题：';
    lines.push(`${prefix}${f.message}${excerpt}`);
  });
  const more = input.findings.length - named.length;
  if (more > 0) lines.push(`另有${more}个问题，详见证据清单`);
  if (input.findings.length === 0) lines.push('问题：未关联具体问题');
  return lines;
}

/**
 * Breaks one line into pieces no wider than `maxWidth` as `measure` reports. Breaks between any two characters,
 * since URLs and Chinese text have no spaces to break at; a single character wider than the line stays alone.
 */
export function wrapLine(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const out: string[] = [];
  let current = '';
  for (const ch of Array.from(text)) {
    const next = current + ch;
    if (current !== '' && measure(next) > maxWidth) {
      out.push(current);
      current = ch;
    } else {
      current = next;
    }
  }
  if (current !== '' || out.length === 0) out.push(current);
  return out;
}

/** Every caption line wrapped to the width; at most `maxLines`, the last one cut with “…” when there is more. */
export function layoutCaption(
  lines: readonly string[],
  maxWidth: number,
  measure: (s: string) => number,
  maxLines = 8,
): string[] {
  const wrapped = lines.flatMap((line) => wrapLine(line, maxWidth, measure));
  if (wrapped.length <= maxLines) return wrapped;
  const kept = wrapped.slice(0, maxLines);
  const last = kept[maxLines - 1] ?? '';
  kept[maxLines - 1] = `${Array.from(last).slice(0, -1).join('')}…`;
  return kept;
}
