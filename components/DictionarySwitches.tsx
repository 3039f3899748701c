/** Which parts of the dictionary the checks use: one switch per category of fixed expressions, one for the typo list. */
import { useState } from 'preact/hooks';
import type { DictionarySettings } from '@/lib/db/dictionary-store';
import { EXPRESSION_CATEGORIES, type ExpressionCategory } from '@/lib/expressions/types';
import type { DictionaryView } from '@/lib/messaging/protocol';
import { backgroundClient } from './background-client';
import { errorText } from './error-text';
import { t } from './i18n';

interface Props {
  view: DictionaryView;
  onSettings: (settings: DictionarySettings) => void;
}

export function DictionarySwitches({ view, onSettings }: Props) {
  const [error, setError] = useState('');
  const { settings } = view;
  const counts = new Map<string, number>();
  for (const e of [...view.bundled, ...settings.local]) counts.set(e.category, (counts.get(e.category) ?? 0) + 1);

  const toggle = async (what: ExpressionCategory | 'typos', enabled: boolean) => {
    setError('');
    try {
      onSettings((await backgroundClient.send('setDictionarySwitch', { what, enabled })).settings);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <fieldset class="opt-switches">
      <legend>{t('dict_enabledParts')}</legend>
      {EXPRESSION_CATEGORIES.map((c) => (
        <span class="opt-switch" key={c}>
          <label>
            <input type="checkbox" checked={!settings.disabledCategories.includes(c)} onChange={(e) => void toggle(c, e.currentTarget.checked)} />
            {c}
          </label>
          <span class="opt-count">{counts.get(c) ?? 0}</span>
        </span>
      ))}
      <span class="opt-switch">
        <label>
          <input type="checkbox" checked={settings.typos} onChange={(e) => void toggle('typos', e.currentTarget.checked)} />
          {t('dict_typoList')}
        </label>
        <span class="opt-count">{view.typos.length}</span>
      </span>
      {error && <p class="notice error" role="alert">{error}</p>}
    </fieldset>
  );
}
