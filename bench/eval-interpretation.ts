/**
 * Precision and recall of the `interpretation` check:
 *   node --import tsx bench/eval-interpretation.ts
 * 1. on the hand-made pages of tests/fixtures/html/interpretation (labels.json): page class, related links,
 *    page findings and the pair table;
 * 2. on the policy/interpretation pages of the e2e fixture site (tests/fixtures/site), whose truth is read from
 *    its own content data (which page links to which).
 * Every page is read by the real snapshot code; partner pages are “fetched” from the same set (404 otherwise).
 */
import { evaluateInterpretation, planInterpretationCheck, type TargetResult } from '../lib/checks/interpretation';
import { buildPairTable } from '../lib/interpretation/site-pairs';
import { urlKey } from '../lib/interpretation/urls';
import type { PageSnapshot } from '../lib/scan/snapshot-types';
import { loadAll, readLabels, snapshotHtml, type LabelledPage, type LabelledPair } from '../tests/dom/interpretation/load-page';

interface Score {
  tp: number;
  fp: number;
  fn: number;
}

function score(got: string[], want: string[]): Score {
  const left = [...want];
  let tp = 0;
  let fp = 0;
  for (const g of got) {
    const i = left.indexOf(g);
    if (i >= 0) left.splice(i, 1), tp++;
    else fp++;
  }
  return { tp, fp, fn: left.length };
}

function line(name: string, s: Score): string {
  const p = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
  const r = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
  return `${name.padEnd(30)} precision ${p.toFixed(3)}  recall ${r.toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
}

function evaluate(title: string, pages: { label: LabelledPage; snapshot: PageSnapshot }[], pairs: LabelledPair[]): void {
  const byUrl = new Map(pages.map((p) => [urlKey(p.snapshot.url), p.snapshot]));
  const kinds = { policy: [] as string[], interpretation: [] as string[] };
  const want = { policy: [] as string[], interpretation: [] as string[] };
  const links: [string[], string[]] = [[], []];
  const findings: [string[], string[]] = [[], []];
  const misses: string[] = [];
  for (const { label, snapshot } of pages) {
    const plan = planInterpretationCheck(snapshot);
    if (plan.kind !== 'neither') kinds[plan.kind].push(label.url);
    if (label.kind !== 'neither') want[label.kind].push(label.url);
    if (plan.kind !== label.kind) misses.push(`${label.key}: ${label.kind} → ${plan.kind} (${plan.reasons.join('；')})`);
    links[0].push(...plan.links.map((l) => `${label.url} ${l.url}`));
    links[1].push(...label.links.map((l) => `${label.url} ${l}`));
    const targets = new Map<string, TargetResult>(
      plan.targets.map((t) => {
        const s = byUrl.get(urlKey(t));
        return [t, s ? { snapshot: s } : { error: 'HTTP 404', httpStatus: 404 }];
      }),
    );
    findings[0].push(...evaluateInterpretation(snapshot, targets, plan).map((r) => `${label.url} ${r.subject.split(':')[0]}`));
    findings[1].push(...label.expect.map((e) => `${label.url} ${e}`));
  }
  const rows = buildPairTable(pages.map((p) => ({ snapshot: p.snapshot })));
  const pairKey = (p: { policy?: { url: string } | string; interpretation?: { url: string } | string }) => {
    const u = (x?: { url: string } | string) => (typeof x === 'string' ? x : x?.url) ?? '';
    return `${u(p.policy)} ${u(p.interpretation)}`;
  };
  const both = (p: { policy?: unknown; interpretation?: unknown }) => !!p.policy && !!p.interpretation;

  console.log(`\n== ${title}: ${pages.length} pages, ${pairs.length} pair-table rows ==`);
  console.log(line('class = 政策文件', score(kinds.policy, want.policy)));
  console.log(line('class = 解读', score(kinds.interpretation, want.interpretation)));
  console.log(line('related links', score(...links)));
  console.log(line('page findings (by kind)', score(...findings)));
  console.log(line('pairs (policy ↔ interpretation)', score(rows.filter(both).map(pairKey), pairs.filter(both).map(pairKey))));
  console.log(line('pair-table rows with category', score(rows.map((r) => `${r.category} ${pairKey(r)}`), pairs.map((p) => `${p.category} ${pairKey(p)}`))));
  for (const m of misses) console.log(`  misclassified ${m}`);
}

evaluate('hand-made pages (tests/fixtures/html/interpretation)', loadAll(), readLabels().pairs);

// The e2e fixture site is another module's work in progress: evaluate it when it renders, say so when not.
try {
  const { policyPage, interpretationPage } = await import('../tests/fixtures/site/pages/policy.ts');
  const { allPolicies, allInterpretations } = await import('../tests/fixtures/site/content/policies.ts');
  const origin = 'http://127.0.0.1:8080';
  const site = { origin, offsiteOrigin: 'http://127.0.0.2:8080', today: new Date('2026-06-15T08:00:00+08:00') };
  const pages: { label: LabelledPage; snapshot: PageSnapshot }[] = [];
  const pairs: LabelledPair[] = [];
  const known = new Set([...allPolicies(), ...allInterpretations()].map((x) => x.path));
  for (const p of allPolicies()) {
    const url = origin + p.path;
    const expect = p.interpLinks.length ? [] : ['policy-without-interpretation'];
    for (const l of p.interpLinks) {
      const j = allInterpretations().find((x) => x.path === l);
      if (!known.has(l)) expect.push('dead');
      else if (!j?.policyLinks.includes(p.path)) expect.push('one-way');
    }
    pages.push({ label: { file: p.path, key: `site${p.id}`, url, kind: 'policy', links: p.interpLinks.map((l) => origin + l), expect }, snapshot: snapshotHtml(policyPage(site, p), url) });
    const mine = allInterpretations().filter((j) => p.interpLinks.includes(j.path) || j.policyLinks.includes(p.path));
    if (!mine.length) pairs.push({ category: '文件无解读', policy: url });
    for (const j of mine) {
      const to = p.interpLinks.includes(j.path);
      const back = j.policyLinks.includes(p.path);
      pairs.push({ category: to && back ? '双向关联' : to ? '仅文件→解读' : '仅解读→文件', policy: url, interpretation: origin + j.path });
    }
  }
  for (const j of allInterpretations()) {
    const url = origin + j.path;
    const back = j.policyLinks.filter((l) => !allPolicies().find((p) => p.path === l)?.interpLinks.includes(j.path));
    const expect = j.policyLinks.length ? back.map(() => 'one-way') : ['interpretation-without-policy'];
    pages.push({ label: { file: j.path, key: `site${j.id}`, url, kind: 'interpretation', links: j.policyLinks.map((l) => origin + l), expect }, snapshot: snapshotHtml(interpretationPage(site, j), url) });
    if (!allPolicies().some((p) => p.interpLinks.includes(j.path) || j.policyLinks.includes(p.path))) pairs.push({ category: '解读无文件', interpretation: url });
  }
  evaluate('e2e fixture site (tests/fixtures/site, policy and interpretation pages)', pages, pairs);
} catch (error) {
  console.log(`\n(e2e fixture site not evaluated: ${(error as Error).message})`);
}
