/**
 * Data from the background for the inspection screens, kept fresh: reloaded when an inspection changes and when
 * a page check stores findings (both are broadcast by the background).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { useBackgroundEvent } from './background-client';
import { errorText } from './error-text';

/** Coalesces bursts of events (a page check stores several stages' results) into one reload. */
const RELOAD_DELAY_MS = 250;

const localListeners = new Set<() => void>();

/** Writes this page made itself (a bundle import) raise no background event: tell the live data on this page. */
export function notifyLocalChange(): void {
  for (const listener of localListeners) listener();
}

/**
 * `tabId`: data about one tab's page, reloaded only when that tab's state changes (its navigation changes the
 * caller's deps anyway); without it, a page check in any tab reloads.
 */
export function useLiveData<T>(load: () => Promise<T>, deps: readonly unknown[], tabId?: number) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const reload = useCallback(async () => {
    try {
      setData(await load());
      setError('');
    } catch (e) {
      setError(errorText(e));
    }
  }, deps);

  useEffect(() => {
    setData(null);
    void reload();
  }, [reload]);

  const soon = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void reload(), RELOAD_DELAY_MS);
  }, [reload]);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  useBackgroundEvent('inspectionChanged', soon);
  useEffect(() => {
    localListeners.add(soon);
    return () => void localListeners.delete(soon);
  }, [soon]);
  useBackgroundEvent(
    'tabStateChanged',
    useCallback((p: { tabId: number }) => {
      if (tabId === undefined || p.tabId === tabId) soon();
    }, [tabId, soon]),
  );

  return { data, error, reload, setData };
}

/** Runs an action, keeping its Chinese error for display; `busy` while it runs. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = useCallback(async <R,>(action: () => Promise<R>): Promise<R | undefined> => {
    setBusy(true);
    setError('');
    try {
      return await action();
    } catch (e) {
      setError(errorText(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, setError };
}
