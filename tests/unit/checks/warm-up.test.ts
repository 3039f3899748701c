import { describe, expect, it } from 'vitest';
import { createPageChecks } from '../../../lib/checks/registry';
import type { PageCheck } from '../../../lib/checks/types';
import { warmUpChecks, warmUpSnapshot } from '../../../lib/checks/warm-up';

describe('warming the page checks up', () => {
  it('builds a page that takes the hot paths: wrong forms found, inferred and exact, with dates', () => {
    const snapshot = warmUpSnapshot();
    const [expression] = createPageChecks();
    const results = expression!.run(snapshot, { now: new Date('2026-11-22T00:00:00Z') });
    expect(results.length).toBeGreaterThan(500);
    expect(results.some((r) => r.inferred)).toBe(true);
    expect(snapshot.blocks.some((b) => /2026年\d+月\d+日/.test(b.text))).toBe(true);
  });

  it('runs every check three times, each after a pause, each on a fresh block list', async () => {
    const lists: unknown[] = [];
    const events: string[] = [];
    const spy: PageCheck = {
      id: 'typo',
      run(snapshot) {
        lists.push(snapshot.blocks);
        events.push('run');
        return [];
      },
    };
    await warmUpChecks([spy], async () => {
      events.push('pause');
    });
    expect(events).toEqual(['pause', 'run', 'pause', 'run', 'pause', 'run']);
    expect(new Set(lists).size).toBe(3);
  });
});
