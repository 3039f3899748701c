/**
 * The `interpretation` check of 检查本页 in real Chromium: the background fetches the partner page (GBK included),
 * judges the pair, and the side panel lists the findings under 政策解读关联 and shows the page's class with its
 * reasons and related links. Expectations come from the fixture's pair table and its content data.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { allInterpretations, allPolicies } from '../fixtures/site/content/policies';
import { INTERPRETATION_PAIRS, PAGES, plantedFindings, type InterpretationPair } from '../fixtures/site/planted';
import { expect, test } from './fixtures';
import { InterpretationSection } from './pages/interpretation';
import { SidePanel } from './pages/side-panel';

const SEVERITY = { major: '严重', minor: '一般' } as const;

/** What the page-level check must say on one side of a pair, from the row's category. */
interface SideExpectation {
  path: string;
  kind: '政策文件' | '政策解读';
  /** null: no finding (双向关联). */
  finding: { severity: keyof typeof SEVERITY; words: RegExp; target?: string } | null;
  /** The partner link shown in the 页面类型 section, with its state label. */
  link?: { path: string; state: string };
}

const paths = (p: InterpretationPair) => ({ policy: p.policyPath ?? '', interp: p.interpretationPath ?? '' });
const linksOfPolicy = (path: string) => allPolicies().find((p) => p.path === path)?.interpLinks ?? [];

function expectations(row: InterpretationPair): SideExpectation[] {
  const { policy, interp } = paths(row);
  const noInterpLink = { severity: 'minor' as const, words: /政策文件未发现解读材料链接/ };
  switch (row.category) {
    case '双向关联':
      return [
        { path: policy, kind: '政策文件', finding: null, link: { path: interp, state: '双向关联' } },
        { path: interp, kind: '政策解读', finding: null, link: { path: policy, state: '双向关联' } },
      ];
    case '仅文件→解读':
      return [
        { path: policy, kind: '政策文件', finding: { severity: 'major', words: /单向关联.*解读页未链接回本文件/, target: interp }, link: { path: interp, state: '单向关联' } },
        { path: interp, kind: '政策解读', finding: { severity: 'major', words: /解读材料未链接到对应的政策文件/ } },
      ];
    case '仅解读→文件':
      return [
        // The policy page alone cannot know an interpretation that it does not link to: only “no link”.
        { path: policy, kind: '政策文件', finding: noInterpLink },
        { path: interp, kind: '政策解读', finding: { severity: 'major', words: /单向关联.*文件页未链接到本解读/, target: policy }, link: { path: policy, state: '单向关联' } },
      ];
    case '文件无解读': {
      const dead = linksOfPolicy(policy)[0];
      return [
        dead
          ? { path: policy, kind: '政策文件', finding: { severity: 'major', words: /解读链接无法打开/, target: dead }, link: { path: dead, state: '无法打开' } }
          : { path: policy, kind: '政策文件', finding: noInterpLink },
      ];
    }
    case '解读无文件':
      return [{ path: interp, kind: '政策解读', finding: { severity: 'major', words: /解读材料未链接到对应的政策文件/ } }];
  }
}

async function checkSide(page: Page, panel: SidePanel, section: InterpretationSection, origin: string, side: SideExpectation): Promise<void> {
  const url = `${origin}${side.path}`;
  await page.goto(url);
  await expect(panel.page.locator('.page-url')).toHaveText(url);
  await panel.checkPage();
  await section.waitDone();
  await section.expectKind(side.kind);
  await expect(section.reasons.first(), side.path).toBeVisible();
  if (side.link) await expect(section.link(`${origin}${side.link.path}`), `${side.path} → ${side.link.path}`).toContainText(side.link.state);
  if (!side.finding) {
    await expect(section.findings, side.path).toHaveCount(0);
    return;
  }
  const item = section.findings.filter({ hasText: side.finding.words });
  await expect(item, side.path).toHaveCount(1);
  await expect(item).toContainText(SEVERITY[side.finding.severity]);
  if (side.finding.target) await expect(item).toContainText(`${origin}${side.finding.target}`);
}

async function openPanel(context: BrowserContext, openSidePanel: (p: Page) => Promise<Page>, url: string) {
  const page = await context.newPage();
  await page.goto(url);
  const panel = new SidePanel(await openSidePanel(page));
  return { page, panel, section: new InterpretationSection(panel) };
}

const named = INTERPRETATION_PAIRS.filter((p) => !p.note.startsWith('填充'));
const fillers = INTERPRETATION_PAIRS.filter((p) => p.note.startsWith('填充'));

test('each case of the pair table: 检查本页 on the policy and on the interpretation says which side lacks the link', async ({ context, site, openSidePanel }) => {
  expect(new Set(named.map((p) => p.category)).size).toBe(5);
  const { page, panel, section } = await openPanel(context, openSidePanel, `${site.origin}/`);
  for (const row of named) {
    for (const side of expectations(row)) await checkSide(page, panel, section, site.origin, side);
  }
});

test('filler pairs linked both ways give no 政策解读关联 finding on either page', async ({ context, site, openSidePanel }) => {
  expect(fillers.length).toBeGreaterThan(0);
  const { page, panel, section } = await openPanel(context, openSidePanel, `${site.origin}/`);
  for (const row of fillers) {
    for (const side of expectations(row)) await checkSide(page, panel, section, site.origin, side);
  }
});

test('planted interpretation findings are listed on their pages', async ({ context, site, openSidePanel }) => {
  const planted = plantedFindings(site.today, site.origin, site.offsiteOrigin).filter((p) => p.check === 'interpretation');
  expect(planted.length).toBeGreaterThan(0);
  const { page, panel, section } = await openPanel(context, openSidePanel, `${site.origin}/`);
  const titleOf = (path: string) => [...allPolicies(), ...allInterpretations()].find((x) => x.path === path)?.title ?? '';
  const linksFrom = (path: string) => [...linksOfPolicy(path), ...(allInterpretations().find((j) => j.path === path)?.policyLinks ?? [])];
  for (const p of planted) {
    await page.goto(`${site.origin}${p.path}`);
    await expect(panel.page.locator('.page-url')).toHaveText(`${site.origin}${p.path}`);
    await panel.checkPage();
    await section.waitDone();
    const isPolicy = allPolicies().some((x) => x.path === p.path);
    if (p.subject.startsWith('/') && isPolicy && !linksOfPolicy(p.path).includes(p.subject)) {
      // Only the interpretation links to this policy: the policy page alone cannot see it, so it is reported as
      // a policy without an interpretation link (the site-wide pair table names the partner).
      expect(linksFrom(p.subject), `${p.subject} links to ${p.path}`).toContain(p.path);
      await expect(section.findings.filter({ hasText: '未发现解读材料链接' }), p.path).toHaveCount(1);
      continue;
    }
    // A partner's path is named by its title in the message (the page links to it, or cites it by 《title》).
    const words = p.subject.startsWith('/') ? titleOf(p.subject) : p.subject;
    const item = section.findings.filter({ hasText: words });
    await expect(item.first(), `${p.path}: ${p.note}`).toBeVisible();
    await expect(item.first()).toContainText(SEVERITY[p.severity as keyof typeof SEVERITY]);
  }
});

test('the GBK interpretation is decoded when fetched, and the classification shows its reasons', async ({ context, site, openSidePanel }) => {
  const gbk = allInterpretations().find((j) => j.path === PAGES.gbkInterpretation);
  const policy = allPolicies().find((p) => p.interpLinks.includes(PAGES.gbkInterpretation));
  expect(gbk?.charset).toBe('gbk');
  const { panel, section } = await openPanel(context, openSidePanel, `${site.origin}${policy?.path}`);
  await panel.checkPage();
  await section.waitDone();
  await section.expectKind('政策文件');
  await expect(section.section).toContainText('判断依据');
  await expect(section.reasons.filter({ hasText: /发文字号/ }).first()).toBeVisible();
  await expect(section.reasons.filter({ hasText: /政策文件/ }).first()).toBeVisible();
  // The fetched page's title, read by the background from GBK bytes, appears as the link's note.
  const link = section.link(`${site.origin}${PAGES.gbkInterpretation}`);
  await expect(link).toContainText('双向关联');
  await expect(link).toContainText(gbk?.title ?? '?');
  await expect(section.findings).toHaveCount(0);
  await panel.page.screenshot({ path: '/tmp/interp-gbk-panel.png' });
});

test('a page that is neither policy nor interpretation is shown as 其他 with no finding', async ({ context, site, openSidePanel }) => {
  const { panel, section } = await openPanel(context, openSidePanel, `${site.origin}/zwgk/zcwj/index.html`);
  await panel.checkPage();
  await section.waitDone();
  await section.expectKind('其他');
  await expect(section.reasons.first()).toBeVisible();
  await expect(section.links).toHaveCount(0);
  await expect(section.findings).toHaveCount(0);
});
