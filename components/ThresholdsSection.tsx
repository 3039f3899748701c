/**
 * 阈值 on the options page: the link-check timeout (editable; 15 s by default, as the national indicators count a
 * site as unreachable after 15 s) and the column-freshness periods of the checklist profile (read from its data
 * file, shown so inspectors can see what “栏目不更新” means here).
 */
import { useEffect, useState } from 'preact/hooks';
import { columnProfile, periodText } from '@/lib/site/column-profile';
import { backgroundClient } from './background-client';
import { errorText } from './error-text';
import { t } from './i18n';

export function ThresholdsSection() {
  const [seconds, setSeconds] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const profile = columnProfile();

  useEffect(() => {
    backgroundClient.send('getLinkSettings', {}).then(
      (s) => setSeconds(String(s.timeoutMs / 1000)),
      (e: unknown) => setError(errorText(e)),
    );
  }, []);

  const save = async (e: Event) => {
    e.preventDefault();
    setMessage('');
    setError('');
    try {
      const saved = await backgroundClient.send('setLinkSettings', { timeoutMs: Math.round(Number(seconds) * 1000) });
      setSeconds(String(saved.timeoutMs / 1000));
      setMessage(t('opt_thresholdsSaved'));
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <section class="opt-card" aria-label={t('opt_thresholds')}>
      <h2>{t('opt_thresholds')}</h2>
      <form class="opt-form" onSubmit={save}>
        <label>
          {t('opt_linkTimeout')}
          <input type="number" min={1} max={120} step={1} value={seconds} onInput={(e) => setSeconds((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <button type="submit">{t('opt_save')}</button>
      </form>
      {message && <p class="opt-muted" role="status">{message}</p>}
      {error && <p class="notice error" role="alert">{error}</p>}
      <table class="opt-periods" aria-label={t('opt_columnPeriods')}>
        <caption class="opt-muted">{t('opt_columnPeriods')}</caption>
        <tbody>
          <tr>
            <th scope="row">{t('opt_homePage')}</th>
            <td>{periodText(profile.homeMaxAge)}</td>
          </tr>
          {profile.categories.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.label}</th>
              <td>{periodText(c.maxAge)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
