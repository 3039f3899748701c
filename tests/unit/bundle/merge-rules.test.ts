import { describe, expect, it } from 'vitest';
import { mergeInspection } from '../../../lib/bundle/merge-rules';
import { inspection } from './fixtures';

const OLDER = '2026-10-01T00:00:00.000Z';
const NEWER = '2026-12-01T00:00:00.000Z';

describe('mergeInspection', () => {
  it('keeps the local portal flag and bonus points when the newer bundle record has none (bundles do not carry them)', () => {
    const local = inspection('s', { updatedAt: OLDER, isPortal: true, bonusPoints: 3 });
    const incoming = inspection('s', { updatedAt: NEWER, verdict: '合格' });
    const merged = mergeInspection(local, incoming);
    expect(merged).toMatchObject({ verdict: '合格', isPortal: true, bonusPoints: 3 });
  });

  it('takes the newer record’s portal flag and bonus points when both have them', () => {
    const local = inspection('s', { updatedAt: NEWER, isPortal: false, bonusPoints: 0 });
    const incoming = inspection('s', { updatedAt: OLDER, isPortal: true, bonusPoints: 5 });
    expect(mergeInspection(local, incoming)).toMatchObject({ isPortal: false, bonusPoints: 0 });
  });

  it('adds no portal flag or bonus points when neither record has them', () => {
    const merged = mergeInspection(inspection('s', { updatedAt: OLDER }), inspection('s', { updatedAt: NEWER }));
    expect('isPortal' in merged).toBe(false);
    expect('bonusPoints' in merged).toBe(false);
  });
});
