/**
 * Rectangle math for the overlay: numbers in, numbers out. Boxes are in document coordinates (viewport rect +
 * scroll), so they stay put when the page scrolls and only need recomputing after a resize or re-check.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RectLike {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A viewport rect moved into document coordinates. */
export function toDocumentBox(rect: RectLike, scrollX: number, scrollY: number): Box {
  return { x: rect.left + scrollX, y: rect.top + scrollY, width: rect.width, height: rect.height };
}

/** A box grown by `pad` on every side (markers sit just outside the element they mark). */
export function inflate(box: Box, pad: number): Box {
  return { x: box.x - pad, y: box.y - pad, width: box.width + 2 * pad, height: box.height + 2 * pad };
}

export function contains(box: Box, x: number, y: number): boolean {
  return x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height;
}

/** The id of the smallest box under a point: nested marks resolve to the most specific one. */
export function hitTest<T extends { box: Box; id: string }>(items: readonly T[], x: number, y: number): T | undefined {
  let best: T | undefined;
  for (const item of items) {
    if (!contains(item.box, x, y)) continue;
    if (!best || item.box.width * item.box.height < best.box.width * best.box.height) best = item;
  }
  return best;
}

/**
 * Where a tooltip goes: below the anchor when it fits in the viewport, else above; shifted left to stay inside.
 * All values in document coordinates; the viewport is given by its scroll offset and size.
 */
export function placeTooltip(
  anchor: Box,
  tip: { width: number; height: number },
  viewport: { scrollX: number; scrollY: number; width: number; height: number },
  gap = 6,
): { x: number; y: number } {
  const below = anchor.y + anchor.height + gap;
  const fitsBelow = below + tip.height <= viewport.scrollY + viewport.height;
  const y = fitsBelow ? below : Math.max(viewport.scrollY, anchor.y - gap - tip.height);
  const maxX = viewport.scrollX + viewport.width - tip.width - gap;
  const x = Math.max(viewport.scrollX + gap, Math.min(anchor.x, maxX));
  return { x, y };
}

/** The scroll position that puts a box in the middle of the viewport. */
export function centreScroll(box: Box, viewport: { width: number; height: number }): { left: number; top: number } {
  return {
    left: Math.max(0, box.x + box.width / 2 - viewport.width / 2),
    top: Math.max(0, box.y + box.height / 2 - viewport.height / 2),
  };
}
