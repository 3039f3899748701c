/**
 * Why a reader cannot see an element. With layout (a live tab) this reads computed style and boxes; without it
 * (HTML parsed from a fetch) only what the markup says: the hidden attribute and inline styles.
 */
import type { HiddenReason } from './snapshot-types';

const OFF_SCREEN_PX = 2000;

/** Hidden reasons readable from markup alone (no layout). */
export function markupHiddenReasons(el: Element): HiddenReason[] {
  const reasons: HiddenReason[] = [];
  if (el.hasAttribute('hidden')) reasons.push('display-none');
  const style = (el.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
  if (!style) return reasons;
  if (style.includes('display:none')) reasons.push('display-none');
  if (style.includes('visibility:hidden')) reasons.push('visibility-hidden');
  if (/(^|;)opacity:0(\.0*)?(;|$)/.test(style)) reasons.push('opacity-zero');
  if (/(^|;)font-size:0(px|pt|em)?(;|$)/.test(style)) reasons.push('font-size-zero');
  if (/(left|top|text-indent):-\d{4,}/.test(style)) reasons.push('off-screen');
  return reasons;
}

/** Parse “rgb(1, 2, 3)” / “rgba(1, 2, 3, 0.5)” into [r, g, b, a]; null for anything else. */
export function parseRgb(value: string): [number, number, number, number] | null {
  const m = /rgba?\(([^)]+)\)/.exec(value);
  if (!m || m[1] === undefined) return null;
  const parts = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
  if (parts.length < 3 || parts.some((n) => Number.isNaN(n))) return null;
  return [parts[0] as number, parts[1] as number, parts[2] as number, parts[3] ?? 1];
}

function colourDistance(a: number[], b: number[]): number {
  return Math.abs((a[0] ?? 0) - (b[0] ?? 0)) + Math.abs((a[1] ?? 0) - (b[1] ?? 0)) + Math.abs((a[2] ?? 0) - (b[2] ?? 0));
}

/** What an ancestor chain contributes: computed once per element and shared by every link below it. */
interface AncestorFlags {
  opacityZero: boolean;
  clipped: boolean;
  tinyBox: boolean;
  background: [number, number, number, number];
}

const WHITE: [number, number, number, number] = [255, 255, 255, 1];

/**
 * A reader of hidden reasons for one laid-out document. It memoises ancestor facts, so checking 10,000 links
 * in one list costs one style read per ancestor, not one per link and ancestor.
 */
export function createVisibilityReader(view: Window): (el: Element) => HiddenReason[] {
  const memo = new WeakMap<Element, AncestorFlags>();

  function flagsOf(el: Element | null): AncestorFlags {
    if (!el) return { opacityZero: false, clipped: false, tinyBox: false, background: WHITE };
    const cached = memo.get(el);
    if (cached) return cached;
    const parent = flagsOf(el.parentElement);
    const s = view.getComputedStyle(el);
    let tinyBox = parent.tinyBox;
    if (!tinyBox && (s.overflow === 'hidden' || s.overflowX === 'hidden' || s.overflowY === 'hidden')) {
      const box = el.getBoundingClientRect();
      tinyBox = box.width <= 2 || box.height <= 2;
    }
    const bg = parseRgb(s.backgroundColor);
    const flags: AncestorFlags = {
      opacityZero: parent.opacityZero || Number.parseFloat(s.opacity) < 0.05,
      clipped: parent.clipped || s.clipPath.startsWith('inset(50%') || /rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)/.test(s.clip),
      tinyBox,
      background: bg && bg[3] > 0.9 ? bg : parent.background,
    };
    memo.set(el, flags);
    return flags;
  }

  return (el: Element): HiddenReason[] => {
    const reasons: HiddenReason[] = [];
    const style = view.getComputedStyle(el);
    const visible = typeof el.checkVisibility === 'function' ? el.checkVisibility() : el.getClientRects().length > 0;
    if (!visible) reasons.push('display-none');
    if (style.visibility === 'hidden' || style.visibility === 'collapse') reasons.push('visibility-hidden');
    const up = flagsOf(el.parentElement);
    const own = flagsOf(el);
    if (own.opacityZero) reasons.push('opacity-zero');
    if (own.clipped) reasons.push('clipped');
    if (up.tinyBox) reasons.push('tiny-box');
    if (!visible) return reasons;
    const hasText = (el.textContent ?? '').trim() !== '';
    if (Number.parseFloat(style.fontSize) < 1 && hasText) reasons.push('font-size-zero');
    const rect = el.getBoundingClientRect();
    if ((rect.width < 1 || rect.height < 1) && !reasons.includes('font-size-zero')) reasons.push('zero-size');
    const pageWidth = Math.max(el.ownerDocument.documentElement.scrollWidth, view.innerWidth);
    const x = rect.left + view.scrollX;
    const y = rect.top + view.scrollY;
    if (x + rect.width < -10 || y + rect.height < -10 || x > pageWidth + OFF_SCREEN_PX) reasons.push('off-screen');
    const fg = parseRgb(style.color);
    if (fg && hasText && colourDistance(fg, own.background) < 12) reasons.push('same-colour');
    return reasons;
  };
}

/** Whether an element's own box is rendered (display:none on it or an ancestor makes it false). */
export function isRendered(el: Element): boolean {
  return typeof el.checkVisibility === 'function' ? el.checkVisibility() : true;
}
