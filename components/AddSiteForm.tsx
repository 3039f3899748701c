/**
 * 添加网站: 网站名称, 首页网址, 网站标识码. The code is read from the home page's footer (through the background,
 * which may fetch any site) as soon as the URL is entered, unless the inspector typed one.
 */
import { useRef, useState } from 'preact/hooks';
import { backgroundClient } from './background-client';
import { errorText } from './error-text';
import { t } from './i18n';
import { useAction } from './use-inspection-data';

export function AddSiteForm({ quarter, onAdded }: { quarter: string; onAdded: (name: string) => void }) {
  const [name, setName] = useState('');
  const [homeUrl, setHomeUrl] = useState('');
  const [siteCode, setSiteCode] = useState('');
  const [codeNote, setCodeNote] = useState('');
  const [reading, setReading] = useState(false);
  const typedCode = useRef(false);
  const lastRead = useRef('');
  const action = useAction();

  const readCode = async () => {
    const url = homeUrl.trim();
    if (!url || url === lastRead.current || typedCode.current) return;
    lastRead.current = url;
    setReading(true);
    setCodeNote(t('insp_readingCode'));
    try {
      const result = await backgroundClient.send('readSiteCode', { homeUrl: url });
      if (!typedCode.current && result.siteCode) setSiteCode(result.siteCode);
      setCodeNote(result.message);
    } catch (e) {
      setCodeNote(errorText(e));
    } finally {
      setReading(false);
    }
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const done = await action.run(() => backgroundClient.send('addSite', { quarter, name, homeUrl, siteCode }));
    if (!done) return;
    onAdded(done.site.name);
    setName('');
    setHomeUrl('');
    setSiteCode('');
    setCodeNote('');
    typedCode.current = false;
    lastRead.current = '';
  };

  return (
    <form class="insp-card insp-form" aria-label={t('insp_addSite')} onSubmit={submit}>
      <h2 class="wide">{t('insp_addSite')}</h2>
      <label>
        {t('insp_fieldName')}
        <input type="text" required value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <label>
        {t('insp_fieldUrl')}
        <input
          type="text"
          required
          placeholder="https://www.example.gov.cn/"
          value={homeUrl}
          onInput={(e) => setHomeUrl((e.currentTarget as HTMLInputElement).value)}
          onBlur={() => void readCode()}
        />
      </label>
      <label>
        {t('insp_fieldCode')}
        <input
          type="text"
          value={siteCode}
          onInput={(e) => {
            typedCode.current = true;
            setSiteCode((e.currentTarget as HTMLInputElement).value);
          }}
        />
      </label>
      <div class="insp-row wide">
        <button type="submit" class="primary" disabled={action.busy || reading}>{t('insp_addSite')}</button>
        {codeNote && <span class="insp-muted" role="status">{codeNote}</span>}
        {action.error && <span class="notice error" role="alert">{action.error}</span>}
      </div>
    </form>
  );
}
