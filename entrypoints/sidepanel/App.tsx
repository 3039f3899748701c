/** The side panel: the current page's findings, grouped by check, with verdicts; 检查本页; page marks on/off. */
import { backgroundClient } from '@/components/background-client';
import { FindingList } from '@/components/FindingList';
import { InspectionPanel } from '@/components/InspectionPanel';
import { LinkPanel } from '@/components/LinkPanel';
import { OptionsLink } from '@/components/OptionsLink';
import { t } from '@/components/i18n';
import { PageClassification } from '@/components/PageClassification';
import { SeverityChips } from '@/components/SeverityBadge';
import { SiteCheckPanel } from '@/components/SiteCheckPanel';
import { useAction } from '@/components/use-inspection-data';
import { SEVERITIES, type Finding, type FindingStatus, type Severity } from '@/lib/checks/types';
import { useTabState } from './use-tab-state';

export function App() {
  const { tabId, state, error, setState } = useTabState();
  const { busy, error: actionError, run } = useAction();

  if (tabId === null) return <main class="panel"><p class="notice">{t('noTab')}</p></main>;
  if (!state) return <main class="panel"><p class="notice">{error || t('loading')}</p></main>;

  const checkPage = () => run(async () => setState(await backgroundClient.send('checkTab', { tabId })));
  const toggleOverlay = () => {
    // Show the new position at once; the background's answer confirms it.
    const enabled = !state.overlay;
    setState({ ...state, overlay: enabled });
    return run(async () => setState(await backgroundClient.send('setOverlay', { tabId, enabled })));
  };
  const focus = (f: Finding) => run(() => backgroundClient.send('focusFinding', { tabId, findingId: f.id }));
  const setStatus = (f: Finding, status: FindingStatus) => run(() => backgroundClient.send('setFindingStatus', { findingId: f.id, status }));

  const active = state.findings.filter((f) => f.status !== 'false-positive');
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, active.filter((f) => f.severity === s).length])) as Record<Severity, number>;
  const checkable = state.support === 'checkable';

  return (
    <main class="panel">
      <header class="page">
        <div class="page-title" title={state.url}>{state.title || state.url}</div>
        <div class="page-url">{state.url}</div>
        <div class="site">{state.siteName ? t('siteUnderInspection', state.siteName) : t('siteNotAdded')}</div>
      </header>
      <div class="toolbar">
        <button type="button" class="primary" disabled={!checkable || busy || state.phase === 'checking'} onClick={checkPage}>
          {t('checkPage')}
        </button>
        <label class="switch">
          <input type="checkbox" checked={state.overlay} disabled={!checkable} onChange={toggleOverlay} />
          {t('overlayToggle')}
        </label>
      </div>
      {state.notice && <p class="notice" role="alert">{state.notice}</p>}
      {actionError && <p class="notice error" role="alert">{actionError}</p>}
      {state.pageNotes.map((note) => <p class="notice" key={note}>{note}</p>)}
      {checkable && <Status phase={state.phase} checkedAt={state.checkedAt} count={active.length} />}
      {active.length > 0 && (
        <div class="summary" aria-label={t('findingsCount', String(active.length))}>
          <SeverityChips counts={bySeverity} />
        </div>
      )}
      {/* What the inspector reads first: the page's findings. Feature sections follow, one component each. */}
      <FindingList findings={state.findings} onFocus={focus} onStatus={setStatus} />
      <InspectionPanel tabId={tabId} state={state} />
      {checkable && <PageClassification report={state.stages.interpretation} />}
      {checkable && <LinkPanel tabId={tabId} />}
      {checkable && <SiteCheckPanel tabId={tabId} />}
      <OptionsLink />
    </main>
  );
}

function Status({ phase, checkedAt, count }: { phase: string; checkedAt: string; count: number }) {
  if (phase === 'checking') return <p class="status-line" role="status">{t('phaseChecking')}</p>;
  if (!checkedAt) return <p class="status-line" role="status">{count ? t('findingsCount', String(count)) : t('phaseIdle')}</p>;
  const time = new Date(checkedAt).toLocaleTimeString('zh-CN', { hour12: false });
  return (
    <p class="status-line" role="status">
      {t('checkedAt', time)} · {count ? t('findingsCount', String(count)) : t('noFindings')}
    </p>
  );
}
