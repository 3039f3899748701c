/**
 * The options page (设置): the expression dictionary — searchable by category, with each entry's source and date —
 * the switches for categories and the typo list, and the user's local terms (add, import, export). Every change
 * is stored by the background and applies to the next page check. Below them, the thresholds.
 */
import { useEffect, useState } from 'preact/hooks';
import { backgroundClient } from '@/components/background-client';
import { DictionarySwitches } from '@/components/DictionarySwitches';
import { DictionaryTable } from '@/components/DictionaryTable';
import { errorText } from '@/components/error-text';
import { t } from '@/components/i18n';
import { LocalTermsEditor } from '@/components/LocalTermsEditor';
import { ThresholdsSection } from '@/components/ThresholdsSection';
import type { DictionarySettings } from '@/lib/db/dictionary-store';
import type { DictionaryView } from '@/lib/messaging/protocol';

export function App() {
  const [view, setView] = useState<DictionaryView | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    backgroundClient.send('getDictionary', {}).then(setView, (e: unknown) => setError(errorText(e)));
  }, []);

  const onSettings = (settings: DictionarySettings) => setView((v) => (v ? { ...v, settings } : v));

  return (
    <main class="options">
      <h1>{t('dict_pageTitle')}</h1>
      {error && <p class="notice error" role="alert">{error}</p>}
      {!view && !error && <p class="notice">{t('loading')}</p>}
      {view && (
        <>
          <section class="opt-card" aria-label={t('dict_title')}>
            <h2>{t('dict_title')}</h2>
            <p class="opt-muted">
              {t('dict_summary', [view.version, view.asOf, String(view.bundled.length), String(view.typos.length), String(view.settings.local.length)])}
            </p>
            <p class="opt-muted">{t('dict_appliesNext')}</p>
            <DictionarySwitches view={view} onSettings={onSettings} />
          </section>
          <LocalTermsEditor settings={view.settings} onSettings={onSettings} />
          <DictionaryTable view={view} />
        </>
      )}
      <ThresholdsSection />
    </main>
  );
}
