/**
 * The inspections page (巡检工作台): sites by quarter (季度), 添加网站, 导入网站名单, 复制到下一季度, the site
 * list with progress and verdict, one site's view, the quarterly bundle, and whether storage is persistent.
 * The open site and quarter live in the URL hash, so a reload (or the side panel's link) lands on the same view.
 */
import { useEffect, useState } from 'preact/hooks';
import { AddSiteForm } from '@/components/AddSiteForm';
import { backgroundClient } from '@/components/background-client';
import { BundlePanel } from '@/components/BundlePanel';
import { t } from '@/components/i18n';
import { SiteList } from '@/components/SiteList';
import { SiteListImport } from '@/components/SiteListImport';
import { SiteView } from '@/components/SiteView';
import { StorageStatus } from '@/components/StorageStatus';
import { notifyLocalChange, useAction, useLiveData } from '@/components/use-inspection-data';
import { isQuarter, nextQuarter, quarterLabel, quarterOf, recentQuarters } from '@/lib/inspection/quarter';

interface Route {
  quarter: string;
  siteId: string;
}

function readRoute(): Route {
  const params = new URLSearchParams(location.hash.slice(1));
  const q = params.get('q') ?? '';
  return { quarter: isQuarter(q) ? q : quarterOf(new Date()), siteId: params.get('site') ?? '' };
}

function writeRoute(route: Route): void {
  const params = new URLSearchParams({ q: route.quarter });
  if (route.siteId) params.set('site', route.siteId);
  history.replaceState(null, '', `#${params.toString()}`);
}

export function App() {
  const [route, setRoute] = useState<Route>(readRoute);
  const [message, setMessage] = useState('');
  const go = (next: Route) => {
    writeRoute(next);
    setRoute(next);
    setMessage('');
  };
  useEffect(() => {
    const onHash = () => setRoute(readRoute());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  const quarters = useLiveData(() => backgroundClient.send('listQuarters', {}), []);
  const options = recentQuarters(new Date(), 8, 1, [...(quarters.data?.withData ?? []), route.quarter]);

  return (
    <main class="insp-page">
      <header class="insp-header">
        <h1>{t('insp_title')}</h1>
        <label class="insp-quarter">
          {t('insp_quarter')}
          <select value={route.quarter} onChange={(e) => go({ quarter: (e.currentTarget as HTMLSelectElement).value, siteId: '' })}>
            {options.map((q) => <option key={q} value={q}>{quarterLabel(q)}（{q}）</option>)}
          </select>
        </label>
        <StorageStatus />
      </header>
      {message && <p class="notice" role="status">{message}</p>}
      {route.siteId ? (
        <SiteView siteId={route.siteId} quarter={route.quarter} onBack={() => go({ ...route, siteId: '' })} />
      ) : (
        <QuarterView quarter={route.quarter} onOpen={(siteId) => go({ ...route, siteId })} onMessage={setMessage} onQuarter={(q) => go({ quarter: q, siteId: '' })} />
      )}
      <BundlePanel quarter={route.quarter} onImported={notifyLocalChange} />
    </main>
  );
}

interface QuarterProps {
  quarter: string;
  onOpen: (siteId: string) => void;
  onMessage: (text: string) => void;
  onQuarter: (quarter: string) => void;
}

function QuarterView({ quarter, onOpen, onMessage, onQuarter }: QuarterProps) {
  const { data, error } = useLiveData(() => backgroundClient.send('listQuarterSites', { quarter }), [quarter]);
  const action = useAction();
  const copy = async () => {
    const result = await action.run(() => backgroundClient.send('copySiteList', { from: quarter }));
    if (!result) return;
    onQuarter(result.to);
    onMessage(t('insp_copied', [String(result.copied), quarterLabel(result.to)]));
  };
  const rows = data?.rows ?? [];
  return (
    <>
      <AddSiteForm quarter={quarter} onAdded={(name) => onMessage(t('insp_added', name))} />
      <section class="insp-card" aria-label={t('insp_siteList')}>
        <div class="insp-row">
          <h2>{t('insp_siteListOf', quarterLabel(quarter))} <span class="count">{rows.length}</span></h2>
          <SiteListImport quarter={quarter} onImported={onMessage} />
          <button type="button" disabled={rows.length === 0 || action.busy} onClick={() => void copy()} title={t('insp_copyHint', quarterLabel(nextQuarter(quarter)))}>
            {t('insp_copyNext')}
          </button>
        </div>
        {(error || action.error) && <p class="notice error" role="alert">{error || action.error}</p>}
        {data ? <SiteList rows={rows} onOpen={onOpen} /> : <p class="insp-muted">{t('insp_loading')}</p>}
      </section>
    </>
  );
}
