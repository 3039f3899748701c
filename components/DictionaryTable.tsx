/**
 * The dictionary as a table: fixed expressions (bundled and local) and the typo list, searchable and filtered by
 * category, each row with its wrong forms, severity, source and the date it was checked.
 */
import { useMemo, useState } from 'preact/hooks';
import type { Severity } from '@/lib/checks/types';
import { EXPRESSION_CATEGORIES } from '@/lib/expressions/types';
import type { DictionaryView } from '@/lib/messaging/protocol';
import { t } from './i18n';
import { SeverityBadge } from './SeverityBadge';

/** Rows drawn at once; a search narrows the rest down (the whole dictionary is over 1,000 rows). */
const ROW_LIMIT = 300;
const TYPOS = 'typos';
const LOCAL = 'local';

interface Row {
  key: string;
  correct: string;
  wrong: string;
  category: string;
  severity: Severity;
  source: string;
  asOf: string;
  local: boolean;
  off: boolean;
}

function rowsOf(view: DictionaryView): Row[] {
  const { settings, sources } = view;
  const cite = (keys: string[]) => keys.map((k) => sources[k] ?? k).join('；');
  const off = new Set<string>(settings.disabledCategories);
  const wrongText = (forms: { form: string; kind: string; since?: string }[]) =>
    forms.map((w) => (w.kind === 'outdated' ? `${w.form}${t('dict_outdatedMark')}` : w.form)).join('、');
  return [
    ...settings.local.map((e) => ({ key: e.id, correct: e.correct, wrong: wrongText(e.wrong), category: e.category, severity: e.severity, source: e.source.join('；'), asOf: e.asOf, local: true, off: off.has(e.category) })),
    ...view.bundled.map((e) => ({ key: e.id, correct: e.correct, wrong: wrongText(e.wrong), category: e.category, severity: e.severity, source: cite(e.source), asOf: e.asOf, local: false, off: off.has(e.category) })),
    ...view.typos.map((e) => ({ key: `typo:${e.wrong}`, correct: e.correct, wrong: e.wrong, category: t('dict_typoList'), severity: 'major' as const, source: cite(e.source), asOf: e.asOf, local: false, off: !settings.typos })),
  ];
}

export function DictionaryTable({ view }: { view: DictionaryView }) {
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState('');
  const rows = useMemo(() => rowsOf(view), [view]);
  const typoLabel = t('dict_typoList');

  const shown = rows.filter((r) => {
    if (category === LOCAL ? !r.local : category === TYPOS ? r.category !== typoLabel : category && r.category !== category) return false;
    const q = query.trim();
    return !q || r.correct.includes(q) || r.wrong.includes(q) || r.source.includes(q);
  });
  const count = (pick: (r: Row) => boolean) => rows.filter(pick).length;

  return (
    <section class="opt-card" aria-label={t('dict_tableTitle')}>
      <h2>{t('dict_tableTitle')}</h2>
      <div class="opt-filters">
        <input type="search" aria-label={t('dict_search')} placeholder={t('dict_searchHint')} value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        <label>
          {t('dict_categoryFilter')}
          <select value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
            <option value="">{t('dict_allCategories', String(rows.length))}</option>
            {EXPRESSION_CATEGORIES.map((c) => (
              <option key={c} value={c}>{`${c}（${count((r) => r.category === c)}）`}</option>
            ))}
            <option value={TYPOS}>{`${typoLabel}（${view.typos.length}）`}</option>
            <option value={LOCAL}>{`${t('dict_localTerms')}（${view.settings.local.length}）`}</option>
          </select>
        </label>
        <span class="opt-muted" role="status">
          {shown.length > ROW_LIMIT ? t('dict_shownLimited', [String(ROW_LIMIT), String(shown.length)]) : t('dict_shown', String(shown.length))}
        </span>
      </div>
      <table class="opt-table">
        <thead>
          <tr>
            <th>{t('dict_colCorrect')}</th>
            <th>{t('dict_colWrong')}</th>
            <th>{t('dict_colCategory')}</th>
            <th>{t('dict_colSeverity')}</th>
            <th>{t('dict_colSource')}</th>
            <th>{t('dict_colAsOf')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.slice(0, ROW_LIMIT).map((r) => (
            <tr key={r.key} class={r.off ? 'off' : ''}>
              <td>
                {r.correct}
                {r.local && <span class="opt-tag">{t('dict_localTag')}</span>}
              </td>
              <td>{r.wrong}</td>
              <td>
                {r.category}
                {r.off && <span class="opt-tag off">{t('dict_offTag')}</span>}
              </td>
              <td><SeverityBadge severity={r.severity} /></td>
              <td class="opt-source" title={r.source}>{r.source}</td>
              <td>{r.asOf}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
