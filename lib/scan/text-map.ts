/**
 * The bridge from snapshot offsets back to the live DOM. It stays in the content script (never serialised):
 * a finding says “block 12, characters 30–38”, and this turns that into a DOM Range for the Highlight API.
 */

/** A stretch of a block's text that comes from one text node (or from a form field's value). */
export interface Segment {
  /** Offset of the segment in the block text. */
  start: number;
  length: number;
  /** The text node, or the textarea/input whose value the text is. */
  node: Text | HTMLTextAreaElement | HTMLInputElement;
  /** Offset of the segment's first character inside the node's data. */
  nodeOffset: number;
}

export interface SnapshotMap {
  /** Per block, its segments in order. */
  blocks: Segment[][];
  /** Per block, the element that holds it (for scrolling and for fields). */
  blockElements: Element[];
  /** Per `LinkInfo.ref`, the element. */
  elements: Element[];
}

function isTextNode(node: Segment['node']): node is Text {
  return node.nodeType === 3;
}

/** Segment index holding `offset` (the last one starting at or before it). */
function segmentAt(segments: Segment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((segments[mid] as Segment).start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A DOM Range over block characters [start, end), or null when the block is gone, the offsets fall outside it
 * or the text lives in a form field (a Range cannot reach inside textarea/input: those get a box marker).
 */
export function rangeFor(map: SnapshotMap, block: number, start: number, end: number): Range | null {
  const segments = map.blocks[block];
  if (!segments || segments.length === 0 || end <= start) return null;
  const first = segments[segmentAt(segments, start)] as Segment;
  const last = segments[segmentAt(segments, end - 1)] as Segment;
  if (!isTextNode(first.node) || !isTextNode(last.node)) return null;
  if (!first.node.isConnected || !last.node.isConnected) return null;
  // Offsets that fall between segments (a <br> turned into "\n") clamp to the nearest real character.
  const startIn = Math.min(Math.max(start - first.start, 0), first.length);
  const endIn = Math.min(Math.max(end - last.start, 0), last.length);
  const range = first.node.ownerDocument.createRange();
  try {
    range.setStart(first.node, first.nodeOffset + startIn);
    range.setEnd(last.node, last.nodeOffset + endIn);
  } catch {
    // The page changed the text since the snapshot: the offsets no longer fit.
    return null;
  }
  return range;
}

/** The element a block lives in (for scrolling to it, or a box marker on a form field). */
export function elementForBlock(map: SnapshotMap, block: number): Element | null {
  return map.blockElements[block] ?? null;
}
