import { describe, expect, it } from 'vitest';
import { centreScroll, hitTest, inflate, placeTooltip, toDocumentBox } from '@/lib/overlay/geometry';

describe('overlay geometry', () => {
  it('moves viewport rects into document coordinates', () => {
    expect(toDocumentBox({ left: 10, top: 20, width: 5, height: 6 }, 100, 200)).toEqual({ x: 110, y: 220, width: 5, height: 6 });
    expect(inflate({ x: 10, y: 10, width: 10, height: 10 }, 2)).toEqual({ x: 8, y: 8, width: 14, height: 14 });
  });

  it('picks the smallest box under the pointer', () => {
    const items = [
      { id: 'outer', box: { x: 0, y: 0, width: 100, height: 100 } },
      { id: 'inner', box: { x: 10, y: 10, width: 10, height: 10 } },
    ];
    expect(hitTest(items, 15, 15)?.id).toBe('inner');
    expect(hitTest(items, 50, 50)?.id).toBe('outer');
    expect(hitTest(items, 150, 50)).toBeUndefined();
  });

  it('places a tooltip below, or above when there is no room, and inside the viewport', () => {
    const viewport = { scrollX: 0, scrollY: 0, width: 800, height: 600 };
    expect(placeTooltip({ x: 10, y: 10, width: 50, height: 20 }, { width: 200, height: 80 }, viewport)).toEqual({ x: 10, y: 36 });
    expect(placeTooltip({ x: 700, y: 560, width: 50, height: 20 }, { width: 200, height: 80 }, viewport)).toEqual({ x: 594, y: 474 });
  });

  it('centres a box when scrolling to it', () => {
    expect(centreScroll({ x: 0, y: 2000, width: 100, height: 20 }, { width: 800, height: 600 })).toEqual({ left: 0, top: 1710 });
  });
});
