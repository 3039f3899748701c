import { describe, expect, it } from 'vitest';
import { createClient } from '@/lib/messaging/client';
import { createRouter, joinFeatures, type Feature } from '@/lib/messaging/router';

interface Demo {
  add(payload: { a: number; b: number }): number;
  fail(payload: Record<string, never>): void;
  report(payload: { text: string }): { ok: boolean };
}

const ui: Feature<Pick<Demo, 'add' | 'fail'>> = {
  handlers: {
    add: ({ a, b }) => a + b,
    fail: () => {
      throw new Error('出错了');
    },
  },
  audience: { add: 'ui', fail: 'ui' },
};
const content: Feature<Pick<Demo, 'report'>> = { handlers: { report: async () => ({ ok: true }) }, audience: { report: 'content' } };
const { handlers, audience } = joinFeatures<Demo>(ui, content);
const route = createRouter(handlers, audience);

describe('messaging', () => {
  it('answers typed requests through a client and carries errors back as messages', async () => {
    const client = createClient<Demo>((m) => route(m, { fromExtensionPage: true }) ?? Promise.resolve(undefined));
    await expect(client.send('add', { a: 2, b: 3 })).resolves.toBe(5);
    await expect(client.send('fail', {})).rejects.toThrow('出错了');
  });

  it('ignores foreign messages and refuses senders that may not call a type', async () => {
    expect(route({ type: 'add', payload: {} }, { fromExtensionPage: true })).toBeUndefined();
    expect(route({ channel: 'gsi', type: 'unknown', payload: {} }, { fromExtensionPage: true })).toBeUndefined();
    await expect(route({ channel: 'gsi', type: 'add', payload: { a: 1, b: 1 } }, { fromExtensionPage: false, tabId: 3 })).resolves.toMatchObject({ ok: false });
    await expect(route({ channel: 'gsi', type: 'report', payload: { text: '' } }, { fromExtensionPage: true })).resolves.toMatchObject({ ok: false });
    await expect(route({ channel: 'gsi', type: 'report', payload: { text: '' } }, { fromExtensionPage: false, tabId: 3 })).resolves.toEqual({ ok: true, result: { ok: true } });
  });

  it('refuses a message type claimed by two features', () => {
    expect(() => joinFeatures<Demo>(ui, ui)).toThrow(/handled twice/);
  });
});
