/**
 * A site's results of the site-wide check (全站检查) for one quarter: the crawl summary with the veto counters,
 * the site-map comparison showing both sides, the column freshness table and the policy–interpretation pair table.
 * Used by the side panel and the inspections page; it loads its data itself and refreshes on `siteCheckChanged`.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ColumnsResult, PairsResult, SiteResults as Results, SitemapResult } from '@/lib/db/site-results-store';
import { PAIR_CATEGORIES } from '@/lib/interpretation/site-pairs';
import { periodText } from '@/lib/site/column-profile';
import { backgroundClient, useBackgroundEvent } from './background-client';
import { errorText } from './error-text';
import { t } from './i18n';
import './site-results.css';

interface Props {
  siteKey: string;
  quarter: string;
}

export function SiteResults({ siteKey, quarter }: Props) {
  const [results, setResults] = useState<Results | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(() => {
    backgroundClient
      .send('getSiteResults', { siteKey, quarter })
      .then((d) => {
        setResults(d.results);
        setError('');
      })
      .catch((e: unknown) => setError(errorText(e)));
  }, [siteKey, quarter]);
  useEffect(load, [load]);
  useBackgroundEvent(
    'siteCheckChanged',
    useCallback((p: { siteKey: string; quarter: string }) => {
      if (p.siteKey === siteKey && p.quarter === quarter) load();
    }, [siteKey, quarter, load]),
  );

  if (error) return <p class="notice error">{error}</p>;
  if (!results) return <p class="notice">{t('loading')}</p>;
  if (!results.columns && !results.sitemap && !results.pairs) return <p class="notice">{t('site_noResults')}</p>;
  return (
    <div class="site-results">
      {results.columns && <CrawlSummaryView columns={results.columns} />}
      {results.sitemap && <SitemapView sitemap={results.sitemap} />}
      {results.columns && <ColumnsView columns={results.columns} />}
      {results.pairs && <PairsView pairs={results.pairs} />}
    </div>
  );
}

function CrawlSummaryView({ columns }: { columns: ColumnsResult }) {
  const { crawl, counters, home } = columns;
  const s = crawl.skipped;
  const counter = (label: string, n: number, limit: number, reached: boolean) => (
    <li class={reached ? 'reached' : ''}>
      {label}：<strong>{n}</strong> / {limit}
      {reached ? ` · ${t('site_vetoReached')}` : ''}
    </li>
  );
  return (
    <section class="site-block" aria-label={t('site_summary')}>
      <h3>{t('site_summary')}</h3>
      <p>
        {t('site_crawlLine', [String(crawl.pagesDone), String(crawl.failed)])} · {t('site_skipLine', [String(s.trap + s.search), String(s.action), String(s.offsite), String(s.limit + s.depth + s.pattern)])}
      </p>
      {home && (
        <p class={home.state === 'stale' ? 'bad' : ''}>
          {home.state === 'undated' ? t('site_homeUndated') : t('site_homeNewest', [home.newest ?? '', String(home.ageDays ?? ''), periodText(home.maxAge)])}
        </p>
      )}
      <ul class="counters" aria-label={t('site_vetoCounters')}>
        {counter(t('site_counterDynamicPolicy'), counters.staleDynamicPolicy, counters.thresholds.staleDynamicPolicy, counters.reached.dynamicPolicy)}
        {counter(t('site_counterAll'), counters.staleAll, counters.thresholds.staleAll, counters.reached.all)}
        {counter(t('site_counterBlank'), counters.blank, counters.thresholds.blank, counters.reached.blank)}
      </ul>
      {crawl.notes.map((n) => <p class="notice" key={n}>{n}</p>)}
    </section>
  );
}

const side = (c: { name: string; url: string } | undefined) =>
  c ? (
    <>
      <span class="name">{c.name}</span>
      {c.url && <span class="url">{c.url}</span>}
    </>
  ) : (
    <span class="none">{t('site_none')}</span>
  );

function SitemapView({ sitemap }: { sitemap: SitemapResult }) {
  return (
    <section class="site-block" aria-label={t('site_sitemap')}>
      <h3>{t('site_sitemap')}</h3>
      <p>{sitemap.url ? t('site_sitemapAt', [sitemap.url, String(sitemap.tree?.columns.length ?? 0), String(sitemap.realColumns.length)]) : t('site_sitemapMissing')}</p>
      {sitemap.tree?.unreadable && <p class="notice">{sitemap.tree.unreadable.message}</p>}
      {sitemap.diffs.length > 0 && (
        <table aria-label={t('site_sitemapDiffs')}>
          <thead>
            <tr><th>{t('site_diffKind')}</th><th>{t('site_inSitemap')}</th><th>{t('site_onSite')}</th></tr>
          </thead>
          <tbody>
            {sitemap.diffs.map((d, i) => (
              <tr key={i} data-kind={d.kind}>
                <td>{t(`site_diff_${d.kind.replace(/-/g, '_')}`)}{d.link?.state === 'dead' ? ` · ${t('site_dead')}${d.link.httpStatus ? ` ${d.link.httpStatus}` : ''}` : ''}</td>
                <td>{side(d.sitemap)}</td>
                <td>{side(d.site)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ColumnsView({ columns }: { columns: ColumnsResult }) {
  return (
    <section class="site-block" aria-label={t('site_columns')}>
      <h3>{t('site_columns')}</h3>
      <table aria-label={t('site_columns')}>
        <thead>
          <tr><th>{t('site_column')}</th><th>{t('site_category')}</th><th>{t('site_state')}</th><th>{t('site_newest')}</th></tr>
        </thead>
        <tbody>
          {columns.columns.map((c) => (
            <tr key={c.url} class={`state-${c.state}`} data-state={c.state}>
              <td><span class="name">{c.name}</span><span class="url">{c.url}</span></td>
              <td>{c.category ? `${c.category.label}（${periodText(c.category.maxAge)}）` : t('site_noCategory')}</td>
              <td>{t(`site_state_${c.state.replace(/-/g, '_')}`)}</td>
              <td>{c.newest ? t('site_newestAge', [c.newest, String(c.ageDays ?? 0)]) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function PairsView({ pairs }: { pairs: PairsResult }) {
  const count = (category: string) => pairs.rows.filter((r) => r.category === category).length;
  return (
    <section class="site-block" aria-label={t('site_pairs')}>
      <h3>{t('site_pairs')}</h3>
      <p>{t('site_pairsLine', [String(pairs.columns.length), String(pairs.listPages), String(pairs.items)])}</p>
      <ul class="pair-counts">
        {PAIR_CATEGORIES.map((c) => <li key={c}>{c}：<strong>{count(c)}</strong></li>)}
      </ul>
      <table aria-label={t('site_pairTable')}>
        <thead>
          <tr><th>{t('site_pairCategory')}</th><th>{t('site_policy')}</th><th>{t('site_interpretation')}</th><th>{t('site_evidence')}</th></tr>
        </thead>
        <tbody>
          {pairs.rows.map((r, i) => (
            <tr key={i} data-category={r.category}>
              <td>{r.category}</td>
              <td>{r.policy ? side({ name: r.policy.title, url: r.policy.url }) : side(undefined)}</td>
              <td>{r.interpretation ? side({ name: r.interpretation.title, url: r.interpretation.url }) : side(undefined)}</td>
              <td>{[...r.evidence, ...(r.broken ?? []).map((b) => `${b.url}（${b.status}）`)].join('；')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
