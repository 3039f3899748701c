/**
 * The quarterly evidence bundle in real Chromium: 导出季度包 from the inspections page, a cleared database,
 * 导入季度包 with its preview, and a second export that gives the same files apart from createdAt;
 * bad files are refused with a Chinese message and leave the database as it was.
 */
import JSZip from 'jszip';
import { mkdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildBundle } from '../../lib/bundle/build-bundle';
import { collectBundleInput } from '../../lib/bundle/bundle-input';
import { quarterOf } from '../../lib/inspection/quarter';
import { IDENTITY_CASES, SITE_IDENTITY } from '../fixtures/site/planted';
import { expect, test } from './fixtures';
import { BundlePanel } from './pages/bundle-panel';
import { deleteDatabase, putRecords, putScreenshot, readTable, tableCounts, waitForDatabase } from './pages/extension-db';
import { SidePanel } from './pages/side-panel';

const NOW = new Date().toISOString();
const QUARTER = quarterOf(new Date());

async function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const files = new Map<string, Buffer>();
  for (const f of Object.values(zip.files)) if (!f.dir) files.set(f.name, await f.async('nodebuffer'));
  return files;
}

const json = (bytes: Buffer | undefined): any => JSON.parse(String(bytes));

/** A site as the inspector adds it: the fixture portal, with its 网站标识码. */
function fixtureSite(origin: string) {
  return { id: 'e2e-site', name: SITE_IDENTITY.name, homeUrl: `${origin}/`, siteCode: SITE_IDENTITY.siteCode, aliases: [], createdAt: NOW, updatedAt: NOW };
}

test('导出季度包, clear, 导入季度包 and export again: the same files apart from createdAt', async ({ context, site, extensionId, openSidePanel }) => {
  const fixturePage = await context.newPage();
  const identityCase = IDENTITY_CASES[0]!;
  await fixturePage.goto(`${site.origin}${identityCase.path}`);
  const side = new SidePanel(await openSidePanel(fixturePage));
  const bundle = await BundlePanel.open(context, extensionId);
  await waitForDatabase(bundle.page);

  // The inspector's quarter: the site, a checked page with one confirmed finding, a screenshot, a checklist.
  const siteId = await bundle.addSite({ name: SITE_IDENTITY.name, homeUrl: `${site.origin}/`, siteCode: SITE_IDENTITY.siteCode });
  await side.checkPage();
  await side.setVerdict(/网站标识码/, '确认');
  await fixturePage.close(); // no more follow-up checks of that page
  const findings = await readTable<{ id: string; siteKey: string; status: string }>(bundle.page, 'findings');
  const confirmed = findings.find((f) => f.siteKey === siteId && f.status === 'confirmed');
  expect(confirmed, 'the confirmed finding is stored under the site').toBeTruthy();
  const sha256 = await putScreenshot(bundle.page, {
    id: 'e2e-shot-1', siteKey: siteId, quarter: QUARTER, pageUrl: `${site.origin}${identityCase.path}`,
    capturedAt: NOW, findingIds: [confirmed!.id], note: '页脚截图',
  });
  await putRecords(bundle.page, 'inspections', [{
    id: `${siteId}|${QUARTER}`, siteId, quarter: QUARTER, profile: 'national-2019',
    checklist: [{ id: 'SV-W1', title: '网站标识码', status: 'fail', note: '页脚缺网站标识码', findingIds: [confirmed!.id], evidenceIds: ['e2e-shot-1'], statusBy: 'inspector' }],
    verdict: '不合格', problems: '页脚缺少网站标识码', inspector: '张三', inspectedOn: NOW.slice(0, 10), createdAt: NOW, updatedAt: NOW,
  }]);
  await expect.poll(async () => (await readTable(bundle.page, 'findings')).length, { intervals: [1000, 1000, 1000] }).toBe(findings.length);
  const before = await tableCounts(bundle.page);

  await bundle.selectQuarter(QUARTER);
  const first = await bundle.exportBundle();
  const day = new Date().toLocaleDateString('sv').replaceAll('-', '');
  expect(first.name).toBe(`gov-site-inspection-${QUARTER}-${day}.zip`);
  const a = await unzip(first.bytes);
  const folder = `sites/${SITE_IDENTITY.siteCode}/`;
  expect(json(a.get(`${folder}findings.json`)).find((f: { id: string }) => f.id === confirmed!.id)?.status).toBe('confirmed');
  expect(json(a.get(`${folder}evidence/evidence.json`))[0]).toMatchObject({ id: 'e2e-shot-1', sha256 });
  expect(a.get(`${folder}evidence/e2e-shot-1.png`)?.subarray(1, 4).toString()).toBe('PNG');
  expect(String(a.get('summary.csv'))).toContain(SITE_IDENTITY.name);

  await deleteDatabase(bundle.page);
  await bundle.page.reload();
  await expect(bundle.exportButton).toBeVisible();
  expect(Object.values(await tableCounts(bundle.page)).every((n) => n === 0)).toBe(true);

  await bundle.chooseBundle(first);
  await expect(bundle.previewCount('网站', '新增')).toHaveText('1');
  await expect(bundle.previewCount('问题', '新增')).toHaveText(String(before.findings));
  await expect(bundle.previewCount('截图', '新增')).toHaveText('1');
  await expect(bundle.region.getByRole('table', { name: '各网站' })).toContainText(SITE_IDENTITY.name);
  await bundle.confirmImport();
  expect(await tableCounts(bundle.page)).toEqual(before);
  // The site list shows the imported site at once, without reloading the page.
  await expect(bundle.page.getByRole('table', { name: '网站名单' }).getByRole('row').filter({ hasText: SITE_IDENTITY.name })).toHaveCount(1);

  await bundle.selectQuarter(QUARTER);
  const again = await bundle.exportBundle();
  const b = await unzip(again.bytes);
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [path, data] of a) {
    if (path === 'manifest.json' || path === 'summary.xlsx') continue;
    expect(b.get(path)?.equals(data), path).toBe(true);
  }
  // summary.xlsx is a zip dated createdAt: its entries are the same.
  expect(await unzip(b.get('summary.xlsx')!)).toEqual(await unzip(a.get('summary.xlsx')!));
  const ma = json(a.get('manifest.json'));
  const mb = json(b.get('manifest.json'));
  expect(mb.createdAt).not.toBe(ma.createdAt);
  const withoutXlsx = (files: { path: string }[]) => files.filter((f) => f.path !== 'summary.xlsx');
  expect({ ...mb, createdAt: ma.createdAt, files: withoutXlsx(mb.files) }).toEqual({ ...ma, files: withoutXlsx(ma.files) });
});

test('a tampered bundle is refused, naming the file, and the database is unchanged', async ({ context, site, extensionId, openSidePanel }) => {
  const fixturePage = await context.newPage();
  await fixturePage.goto(`${site.origin}/`);
  await openSidePanel(fixturePage); // the background opens (creates) the database for the panel
  const bundle = await BundlePanel.open(context, extensionId);
  await waitForDatabase(bundle.page);
  await putRecords(bundle.page, 'sites', [fixtureSite(site.origin)]);
  await bundle.selectQuarter(QUARTER);
  const good = await bundle.exportBundle();

  // Someone edits the 通报 table inside the zip without updating manifest.json.
  const zip = await JSZip.loadAsync(good.bytes);
  const csv = await zip.file('summary.csv')!.async('string');
  zip.file('summary.csv', csv.replace('未检查', '合格'));
  const tampered = { name: 'tampered.zip', bytes: await zip.generateAsync({ type: 'nodebuffer' }) };

  await deleteDatabase(bundle.page);
  await bundle.page.reload();
  const empty = await tableCounts(bundle.page);
  await bundle.chooseBundle(tampered);
  await expect(bundle.alert).toContainText('summary.csv');
  await expect(bundle.alert).toContainText('已拒绝导入');
  await expect(bundle.alert).toContainText('数据库未作任何改动');
  await expect(bundle.region.getByRole('button', { name: '确认导入' })).toHaveCount(0);
  expect(await tableCounts(bundle.page)).toEqual(empty);

  // The untouched bundle still imports: the refusal was about the edit.
  await bundle.chooseBundle(good);
  await bundle.confirmImport();
  expect((await tableCounts(bundle.page)).sites).toBe(1);
});

test('bad files are refused with a clear Chinese message and the database unchanged', async ({ context, site, extensionId, openSidePanel }, testInfo) => {
  const fixturePage = await context.newPage();
  await fixturePage.goto(`${site.origin}/`);
  await openSidePanel(fixturePage);
  const bundle = await BundlePanel.open(context, extensionId);
  await waitForDatabase(bundle.page);
  await putRecords(bundle.page, 'sites', [fixtureSite(site.origin)]);
  const before = await tableCounts(bundle.page);

  // A valid bundle with one more site, made by the library, to spoil in different ways.
  const other = { ...fixtureSite('https://www.other.gov.cn'), id: 'other', siteCode: '3702000099' };
  const good = Buffer.from(await buildBundle(collectBundleInput(
    { sites: [other], inspections: [], findings: [], evidence: [], verdicts: [] },
    { quarter: QUARTER, createdAt: NOW, generator: { name: 'gov-site-inspector', version: 'test' } },
  )));
  const rezip = async (change: (zip: JSZip) => Promise<void> | void): Promise<Buffer> => {
    const zip = await JSZip.loadAsync(good);
    await change(zip);
    return zip.generateAsync({ type: 'nodebuffer' });
  };
  const newer = await rezip(async (zip) => {
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    zip.file('manifest.json', JSON.stringify({ ...manifest, formatVersion: 2 }));
  });
  const slip = await rezip((zip) => void zip.file('../../evil.txt', 'x', { createFolders: false }));
  const huge = testInfo.outputPath('huge.zip');
  mkdirSync(dirname(huge), { recursive: true });
  writeFileSync(huge, '');
  truncateSync(huge, 3 * 1024 ** 3); // sparse: 3 GB on paper, nothing on disk

  const cases: [string, { name: string; bytes: Buffer } | string, RegExp][] = [
    ['not a zip', { name: '季度包.zip', bytes: Buffer.from('这不是压缩包，只是一段文字。'.repeat(20)) }, /不是 ZIP 压缩包/],
    ['truncated', { name: 'truncated.zip', bytes: good.subarray(0, Math.floor(good.length / 2)) }, /不完整/],
    ['newer formatVersion', { name: 'newer.zip', bytes: newer }, /第 2 版格式.*请升级/],
    ['../ in a name', { name: 'slip.zip', bytes: slip }, /“\.\.\/\.\.\/evil\.txt”.*已拒绝导入/],
    ['several GB', huge, /3\.0 GB.*已拒绝导入/],
  ];
  try {
    for (const [what, file, message] of cases) {
      await bundle.chooseBundle(file);
      await expect(bundle.alert, what).toHaveText(message);
      await expect(bundle.alert, what).toContainText('数据库未作任何改动');
      await expect(bundle.region.getByRole('button', { name: '确认导入' }), what).toHaveCount(0);
    }
  } finally {
    rmSync(huge, { force: true });
  }
  expect(await tableCounts(bundle.page)).toEqual(before);

  // The unspoiled bundle is accepted: each refusal was about what was spoiled.
  await bundle.chooseBundle({ name: 'good.zip', bytes: good });
  await bundle.confirmImport();
  expect((await tableCounts(bundle.page)).sites).toBe(before.sites + 1);
});
