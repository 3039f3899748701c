/**
 * The side panel's 全站检查 section: start the site-wide check of the tab's site, follow its progress, cancel or
 * continue it, and read its results. The check runs in the background, so closing the panel does not stop it.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { SiteCheckView } from '@/lib/messaging/protocol';
import { backgroundClient, useBackgroundEvent } from './background-client';
import { errorText } from './error-text';
import { t } from './i18n';
import { SiteResults } from './SiteResults';
import { useAction } from './use-inspection-data';
import './site-results.css';

/** While a run is going, ask again this often: the answer also wakes a stopped worker, which then resumes the run. */
const POLL_MS = 1500;

export function SiteCheckPanel({ tabId }: { tabId: number }) {
  const [check, setCheck] = useState<SiteCheckView | null>(null);
  const { busy, error, run, setError } = useAction();

  const load = useCallback(() => {
    backgroundClient
      .send('getSiteCheck', { tabId })
      .then((v) => {
        setCheck(v);
        setError('');
      })
      .catch((e: unknown) => setError(errorText(e)));
  }, [tabId, setError]);
  useEffect(load, [load]);
  useBackgroundEvent('tabStateChanged', useCallback((p: { tabId: number }) => p.tabId === tabId && load(), [tabId, load]));
  useBackgroundEvent(
    'siteCheckChanged',
    useCallback((p: { siteKey: string; quarter: string }) => {
      if (!check || (p.siteKey === check.siteKey && p.quarter === check.quarter)) load();
    }, [check, load]),
  );
  const running = check?.status === 'running';
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(load, POLL_MS);
    return () => clearInterval(timer);
  }, [running, load]);

  const act = (action: () => Promise<SiteCheckView>) => run(async () => setCheck(await action()));
  const start = () => act(() => backgroundClient.send('startSiteCheck', { tabId }));
  const cancel = () => check && act(() => backgroundClient.send('cancelSiteCheck', { siteKey: check.siteKey, quarter: check.quarter }));
  const resume = () => check && act(() => backgroundClient.send('resumeSiteCheck', { siteKey: check.siteKey, quarter: check.quarter }));
  const resumable = check?.status === 'site-down' || check?.status === 'paused' || check?.status === 'cancelled';

  return (
    <section class="site-check" aria-label={t('site_section')}>
      <h2 class="section-title">{t('site_section')}</h2>
      {check && <p class="site-name">{t('site_target', [check.siteName, check.homeUrl])}</p>}
      <div class="actions">
        <button type="button" disabled={busy || running || !check} onClick={start}>{t('site_start')}</button>
        {running && <button type="button" disabled={busy} onClick={cancel}>{t('site_cancel')}</button>}
        {resumable && <button type="button" disabled={busy} onClick={resume}>{t('site_resume')}</button>}
      </div>
      {check && check.status !== 'none' && (
        <p class="progress" aria-live="polite" aria-label={t('site_progress')}>
          {t(`site_status_${check.status.replace(/-/g, '_')}`)} · {t('site_pages', [String(check.pagesDone), String(check.pagesQueued), String(check.errors)])}
          {check.message ? ` · ${check.message}` : ''}
        </p>
      )}
      {error && <p class="notice error" role="alert">{error}</p>}
      {check && check.status !== 'none' && check.status !== 'running' && (
        <details class="site-details" open>
          <summary>{t('site_results')}</summary>
          <SiteResults siteKey={check.siteKey} quarter={check.quarter} />
        </details>
      )}
    </section>
  );
}
