/**
 * Which tab the side panel acts for, and its state from the background, kept live.
 * `sidepanel.html?tabId=<id>` pins the panel to that tab (how it runs in an ordinary tab and in e2e tests);
 * otherwise it follows the active tab of its window.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { backgroundClient, useBackgroundEvent } from '@/components/background-client';
import { errorText } from '@/components/error-text';
import type { TabState } from '@/lib/messaging/protocol';

function pinnedTabId(): number | null {
  const raw = new URLSearchParams(location.search).get('tabId');
  const id = raw === null ? NaN : Number(raw);
  return Number.isInteger(id) ? id : null;
}

export function useTabState() {
  const pinned = pinnedTabId();
  const [tabId, setTabId] = useState<number | null>(pinned);
  const [state, setState] = useState<TabState | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    if (pinned !== null) return;
    const follow = async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      setTabId(tab?.id ?? null);
    };
    void follow();
    const onActivated = (info: { tabId: number }) => setTabId(info.tabId);
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [pinned]);

  const refresh = useCallback(async () => {
    if (tabId === null) return;
    try {
      setState(await backgroundClient.send('getTabState', { tabId }));
      setError('');
    } catch (e) {
      setError(errorText(e));
    }
  }, [tabId]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useBackgroundEvent(
    'tabStateChanged',
    useCallback((payload: { tabId: number }) => {
      if (payload.tabId === tabId) void refresh();
    }, [tabId, refresh]),
  );

  return { tabId, state, error, refresh, setState };
}
