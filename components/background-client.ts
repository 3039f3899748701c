/** How our pages talk to the background: one typed client, and a hook for its broadcast events. */
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { createClient } from '@/lib/messaging/client';
import type { BackgroundEvents, PayloadOf, UiToBackground } from '@/lib/messaging/protocol';

export const backgroundClient = createClient<UiToBackground>((message) => browser.runtime.sendMessage(message));

/** Call `handler` for each broadcast of `type` while the component is mounted. */
export function useBackgroundEvent<K extends keyof BackgroundEvents & string>(
  type: K,
  handler: (payload: PayloadOf<BackgroundEvents, K>) => void,
): void {
  useEffect(() => {
    const listener = (message: unknown) => {
      const m = message as { channel?: string; type?: string; payload?: PayloadOf<BackgroundEvents, K> } | null;
      if (m?.channel === 'gsi-event' && m.type === type && m.payload) handler(m.payload);
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [type, handler]);
}
