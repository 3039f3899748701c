/**
 * Which two characters are easy to confuse: same toneless pinyin (what a pinyin IME offers) or look-alike
 * shapes (Wubi and OCR slips). Built once from `data/confusion.json` (see bench/build/build-confusion.ts).
 */
import confusionData from './data/confusion.json';

/** How two characters are alike, or null when they are not. */
export type Likeness = 'homophone' | 'shape' | null;

let syllables: Map<number, number[]> | undefined;
let shapeGroups: Map<number, number[]> | undefined;

function index(groups: string[]): Map<number, number[]> {
  const map = new Map<number, number[]>();
  groups.forEach((group, id) => {
    for (let i = 0; i < group.length; i++) {
      const c = group.charCodeAt(i);
      const list = map.get(c);
      if (list) list.push(id);
      else map.set(c, [id]);
    }
  });
  return map;
}

function shareGroup(map: Map<number, number[]>, a: number, b: number): boolean {
  const ga = map.get(a);
  const gb = map.get(b);
  if (!ga || !gb) return false;
  return ga.some((g) => gb.includes(g));
}

/** Whether `a` and `b` (UTF-16 code units of Han characters) are confusable, and how. */
export function likeness(a: number, b: number): Likeness {
  if (a === b) return null;
  const data = confusionData as { pinyin: Record<string, string>; shapes: string[] };
  syllables ??= index(Object.values(data.pinyin));
  shapeGroups ??= index(data.shapes);
  if (shareGroup(syllables, a, b)) return 'homophone';
  if (shareGroup(shapeGroups, a, b)) return 'shape';
  return null;
}
