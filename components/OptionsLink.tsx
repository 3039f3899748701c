/** The side panel's link 设置 to the options page (dictionary and local terms), opened in its own tab. */
import { browser } from 'wxt/browser';
import { t } from './i18n';

export function OptionsLink() {
  const href = browser.runtime.getURL('/options.html');
  const open = (event: MouseEvent) => {
    event.preventDefault();
    void browser.runtime.openOptionsPage();
  };
  return (
    <nav class="options-link" aria-label={t('dict_settingsNav')}>
      <a href={href} target="_blank" rel="noreferrer" onClick={open}>{t('dict_settings')}</a>
    </nav>
  );
}
