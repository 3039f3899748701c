/**
 * Text marks through the CSS Custom Highlight API: ranges over the page's own text nodes, one highlight per
 * severity, styled by an adopted style sheet. Nothing is inserted into the page's tree, so editors' content and
 * `document.body.innerHTML` stay exactly as they were.
 */
import type { Severity } from '@/lib/checks/types';

const NAMES: Record<Severity | 'flash', string> = {
  veto: 'gsi-veto',
  major: 'gsi-major',
  minor: 'gsi-minor',
  info: 'gsi-info',
  flash: 'gsi-flash',
};

const CSS_TEXT = `
::highlight(gsi-veto) { background-color: rgba(220, 38, 38, 0.35); text-decoration: underline wavy #b91c1c; color: inherit; }
::highlight(gsi-major) { background-color: rgba(234, 88, 12, 0.30); text-decoration: underline wavy #c2410c; color: inherit; }
::highlight(gsi-minor) { background-color: rgba(202, 138, 4, 0.28); text-decoration: underline dotted #a16207; color: inherit; }
::highlight(gsi-info) { background-color: rgba(37, 99, 235, 0.18); text-decoration: underline dotted #1d4ed8; color: inherit; }
::highlight(gsi-flash) { background-color: rgba(250, 204, 21, 0.85); color: #111; }
`;

type HighlightCtor = new (...ranges: Range[]) => Highlight;

/** Per document (the page and each same-origin editor iframe), our sheet and the ranges by severity. */
const sheets = new WeakMap<Document, CSSStyleSheet>();

function registryOf(doc: Document): HighlightRegistry | null {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  return view?.CSS?.highlights ?? null;
}

function ensureSheet(doc: Document): void {
  if (sheets.has(doc)) return;
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (!view?.CSSStyleSheet) return;
  // A constructed sheet can only be adopted by the document of the window that made it.
  const sheet = new view.CSSStyleSheet();
  sheet.replaceSync(CSS_TEXT);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  sheets.set(doc, sheet);
}

/**
 * Adopt our highlight sheet now. Adding a sheet makes the browser restyle the whole page once; on a big page that
 * is a long task, so the checker does it when a check starts, apart from the frame that paints the marks.
 */
export function prepareHighlights(doc: Document = document): void {
  ensureSheet(doc);
  touched.add(doc);
}

/** Replace all marks with these ranges, grouped by severity. */
export function setHighlights(groups: Map<Severity, Range[]>): void {
  clearHighlights({ keepFlash: true });
  const byDoc = new Map<Document, Map<Severity, Range[]>>();
  for (const [severity, ranges] of groups) {
    for (const range of ranges) {
      const doc = range.startContainer.ownerDocument ?? document;
      let perDoc = byDoc.get(doc);
      if (!perDoc) byDoc.set(doc, (perDoc = new Map()));
      let list = perDoc.get(severity);
      if (!list) perDoc.set(severity, (list = []));
      list.push(range);
    }
  }
  for (const [doc, perDoc] of byDoc) {
    const registry = registryOf(doc);
    const view = doc.defaultView as (Window & typeof globalThis & { Highlight?: HighlightCtor }) | null;
    if (!registry || !view?.Highlight) continue;
    ensureSheet(doc);
    for (const [severity, ranges] of perDoc) registry.set(NAMES[severity], new view.Highlight(...ranges));
    touched.add(doc);
  }
}

const touched = new Set<Document>([document]);

/** Remove every mark we made, in every document we marked (a flash in progress may stay). */
export function clearHighlights(options: { keepFlash?: boolean } = {}): void {
  for (const doc of touched) {
    const registry = registryOf(doc);
    if (!registry) continue;
    for (const name of Object.values(NAMES)) if (!(options.keepFlash && name === NAMES.flash)) registry.delete(name);
  }
}

/** Flash one range for a moment (clicking a finding in the side panel). */
export function flashRange(range: Range, millis = 1600): void {
  const doc = range.startContainer.ownerDocument ?? document;
  const registry = registryOf(doc);
  const view = doc.defaultView as (Window & typeof globalThis & { Highlight?: HighlightCtor }) | null;
  if (!registry || !view?.Highlight) return;
  ensureSheet(doc);
  touched.add(doc);
  registry.set(NAMES.flash, new view.Highlight(range));
  setTimeout(() => registry.delete(NAMES.flash), millis);
}
