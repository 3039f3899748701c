/**
 * Side panel: the link check of the page — progress with 取消, counts by state that filter the table, each link's
 * state, reason and HTTP status, “打开核实” for links that cannot be judged automatically, and 重新检查链接.
 * Inconclusive and redirected links are counted and coloured apart from dead ones, never as 失效.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { LinkFilter, LinkReport, LinkRow, LinkRowState } from '@/lib/links/link-report';
import { backgroundClient, useBackgroundEvent } from './background-client';
import { errorText } from './error-text';
import { t } from './i18n';
import './link-panel.css';

/** Rows sent to the panel at once: a page with 10,000 links must not send 10,000 rows. */
const ROW_LIMIT = 300;
const FILTERS: LinkRowState[] = ['dead', 'redirect', 'inconclusive', 'ok'];

const linkStateLabel = (state: LinkRowState): string => t(`links_state_${state}`);

export function LinkPanel({ tabId }: { tabId: number }) {
  const [report, setReport] = useState<LinkReport | null>(null);
  const [filter, setFilter] = useState<LinkFilter>('all');
  const [error, setError] = useState('');

  const refresh = useCallback(async () => {
    try {
      setReport((await backgroundClient.send('getLinkReport', { tabId, filter, limit: ROW_LIMIT })).report);
    } catch (e) {
      setError(errorText(e));
    }
  }, [tabId, filter]);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  const onEvent = useCallback((p: { tabId: number }) => {
    if (p.tabId === tabId) void refresh();
  }, [tabId, refresh]);
  useBackgroundEvent('linksProgressed', onEvent);
  useBackgroundEvent('tabStateChanged', onEvent);

  if (!report) return null;
  const act = async (type: 'cancelLinkCheck' | 'recheckLinks') => {
    setError('');
    try {
      await backgroundClient.send(type, { tabId });
      await refresh();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const running = report.phase === 'running';

  return (
    <section class="page links" aria-label={t('links_heading')} aria-busy={running}>
      <div class="links-head">
        <strong>{t('links_heading')}</strong>
        <span class="links-phase">{t(`links_phase_${report.phase}`)}</span>
      </div>
      {report.phase !== 'skipped' && (
        <div class="links-progress">
          <progress max={Math.max(1, report.total)} value={report.checked} aria-label={t('links_progress')} />
          <span>{t('links_checked', [String(report.checked), String(report.total)])}</span>
          {running && <button type="button" onClick={() => act('cancelLinkCheck')}>{t('links_cancel')}</button>}
        </div>
      )}
      <div class="links-filters" role="group" aria-label={t('links_filter')}>
        <FilterButton label={t('links_all')} count={report.total} pressed={filter === 'all'} onClick={() => setFilter('all')} />
        {FILTERS.map((s) => (
          <FilterButton key={s} state={s} label={linkStateLabel(s)} count={report.counts[s]} pressed={filter === s} onClick={() => setFilter(s)} />
        ))}
      </div>
      {report.actions > 0 && <p class="links-note">{t('links_actions_skipped', String(report.actions))}</p>}
      {report.rows.length > 0 && (
        <div class="links-scroll">
          <table class="links-table" aria-label={t('links_table')}>
            <tbody>{report.rows.map((row) => <Row key={row.url} row={row} />)}</tbody>
          </table>
        </div>
      )}
      {report.matching > report.rows.length && <p class="links-note">{t('links_more', [String(report.rows.length), String(report.matching)])}</p>}
      {error && <p class="notice error" role="alert">{error}</p>}
      <div class="toolbar">
        <button type="button" disabled={report.phase === 'skipped'} onClick={() => act('recheckLinks')}>{t('links_recheck')}</button>
      </div>
    </section>
  );
}

function FilterButton(props: { label: string; count: number; pressed: boolean; onClick: () => void; state?: LinkRowState }) {
  return (
    <button type="button" class={`links-filter${props.state ? ` state-${props.state}` : ''}`} aria-pressed={props.pressed} onClick={props.onClick}>
      {props.label} {props.count}
    </button>
  );
}

function Row({ row }: { row: LinkRow }) {
  return (
    <tr class={`link-row state-${row.state}`} data-url={row.url} data-state={row.state}>
      <td class="link-state">{linkStateLabel(row.state)}</td>
      <td class="link-main">
        <div class="link-text">{row.text || row.url}</div>
        <div class="link-url">{row.url}</div>
        {row.reasonText && (
          <div class="link-reason">
            {row.httpStatus !== undefined && <span class="link-status">HTTP {row.httpStatus} · </span>}
            {row.reasonText}
          </div>
        )}
        {row.finalUrl && <div class="link-url">{t('links_final_url')}{row.finalUrl}</div>}
        {row.state === 'inconclusive' && (
          <a class="link-verify" href={row.url} target="_blank" rel="noopener noreferrer">{t('links_open_to_verify')}</a>
        )}
      </td>
    </tr>
  );
}
