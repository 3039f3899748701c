import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { inspectionV1toV2 } from '@/lib/db/migrations';
import type { InspectionRecord } from '@/lib/db/records';
import { InspectorDb, SCHEMA_V1 } from '@/lib/db/schema';

/** The database exactly as version 1 of the extension declared it. */
class V1Db extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
  }
}

const NOW = '2026-11-20T08:00:00.000Z';
const inspection: InspectionRecord = {
  id: 'site-1|2026Q4',
  siteId: 'site-1',
  quarter: '2026Q4',
  profile: 'national-2019',
  checklist: [
    { id: 'SV-W1', title: '严重表述错误', status: 'fail', note: '首页', findingIds: ['f1'], evidenceIds: [] },
    { id: 'SV-W3', title: '首页不更新', status: 'unchecked', note: '', findingIds: [], evidenceIds: [] },
  ],
  verdict: '单项否决',
  problems: '存在严重表述错误1处',
  inspector: '张三',
  inspectedOn: '2026-11-20',
  createdAt: NOW,
  updatedAt: NOW,
};

let names: string[] = [];
afterEach(async () => {
  for (const name of names) await Dexie.delete(name);
  names = [];
});

describe('schema upgrade v1 → v2', () => {
  it('keeps every record written by version 1 and marks hand-set checklist items', async () => {
    const name = `upgrade-${Math.random()}`;
    names.push(name);
    const v1 = new V1Db(name);
    await v1.table('sites').add({ id: 'site-1', name: '青山市人民政府', homeUrl: 'http://127.0.0.1/', siteCode: '3702000001', aliases: [], createdAt: NOW, updatedAt: NOW });
    await v1.table('inspections').add(inspection);
    await v1.table('findings').add({ id: '2026Q4|k', key: 'k', siteKey: 'site-1', quarter: '2026Q4', pageUrl: 'http://127.0.0.1/', pageTitle: '首页', check: 'identity', severity: 'major', message: 'm', subject: 's', excerpt: '', status: 'confirmed', firstSeen: NOW, lastSeen: NOW });
    await v1.table('verdicts').add({ id: 'site-1|k', siteKey: 'site-1', findingKey: 'k', check: 'identity', status: 'false-positive', note: '页脚由上级统一维护', updatedAt: NOW });
    await v1.table('evidence').add({ id: 'e1', siteKey: 'site-1', quarter: '2026Q4', pageUrl: 'http://127.0.0.1/', capturedAt: NOW, sha256: 'ab', bytes: 3, png: new Blob([new Uint8Array([1, 2, 3])]), findingIds: [], note: '' });
    await v1.table('settings').add({ key: 'inspector', value: '张三', updatedAt: NOW });
    v1.close();

    const db = new InspectorDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.sites.count()).toBe(1);
    expect(await db.findings.get('2026Q4|k')).toMatchObject({ status: 'confirmed', check: 'identity' });
    expect(await db.verdicts.get('site-1|k')).toMatchObject({ status: 'false-positive', note: '页脚由上级统一维护' });
    expect(await db.evidence.count()).toBe(1);
    expect((await db.settings.get('inspector'))?.value).toBe('张三');
    const upgraded = await db.inspections.get('site-1|2026Q4');
    expect(upgraded?.checklist.map((c) => c.statusBy)).toEqual(['inspector', undefined]);
    expect(upgraded?.problems).toBe('存在严重表述错误1处');
    expect(await db.findings.where('[siteKey+quarter+check]').equals(['site-1', '2026Q4', 'identity']).count()).toBe(1);
    db.close();
  });

  it('marks only items a person had set', () => {
    const out = inspectionV1toV2(inspection);
    expect(out.checklist[0]?.statusBy).toBe('inspector');
    expect(out.checklist[1]?.statusBy).toBeUndefined();
    expect(inspectionV1toV2(out)).toEqual(out);
  });
});
