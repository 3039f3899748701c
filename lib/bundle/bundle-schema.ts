/**
 * Shape checks for the bundle's JSON files, so an import writes only well-formed records. Each check
 * throws a BundleError naming the file and the field; unknown extra fields are ignored (forward compatible).
 */
import { CHECK_IDS, FINDING_STATUSES, SEVERITIES, type FindingLocation } from '../checks/types';
import { isQuarter } from '../inspection/quarter';
import { BundleError, type BundleErrorCode } from './bundle-error';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  type BundleChecklistEntry,
  type BundleEvidence,
  type BundleFinding,
  type BundleInspectionExtra,
  type BundleManifest,
  type BundleSiteJson,
} from './format';

type Obj = Record<string, unknown>;

const VERDICTS = ['', '合格', '不合格', '单项否决'] as const;
const CHECKLIST_STATUSES = ['unchecked', 'pass', 'fail', 'not-applicable'] as const;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Reads fields of one JSON object and reports the first wrong one against `file`. */
export class Fields {
  constructor(
    private readonly obj: Obj,
    private readonly file: string,
    private readonly where: string,
    private readonly code: BundleErrorCode = 'invalid-content',
  ) {}

  has(key: string): boolean {
    return this.obj[key] !== undefined;
  }
  fail(key: string, want: string): never {
    throw new BundleError(this.code, `季度包文件“${this.file}”格式不正确：${this.where}${key} 应为${want}`, this.file);
  }
  str(key: string): string {
    const v = this.obj[key];
    return typeof v === 'string' ? v : this.fail(key, '文本');
  }
  optStr(key: string): string | undefined {
    return this.obj[key] === undefined ? undefined : this.str(key);
  }
  strOrNull(key: string): string | null {
    return this.obj[key] === null || this.obj[key] === undefined ? null : this.str(key);
  }
  num(key: string): number {
    const v = this.obj[key];
    return typeof v === 'number' && Number.isFinite(v) ? v : this.fail(key, '数字');
  }
  numOrNull(key: string): number | null {
    return this.obj[key] === null || this.obj[key] === undefined ? null : this.num(key);
  }
  optBool(key: string): boolean | undefined {
    const v = this.obj[key];
    return v === undefined || typeof v === 'boolean' ? v : this.fail(key, '是/否');
  }
  strings(key: string): string[] {
    const v = this.obj[key];
    return Array.isArray(v) && v.every((s) => typeof s === 'string') ? [...(v as string[])] : this.fail(key, '文本列表');
  }
  oneOf<T extends string>(key: string, allowed: readonly T[]): T {
    const v = this.str(key);
    return (allowed as readonly string[]).includes(v) ? (v as T) : this.fail(key, `${allowed.filter(Boolean).join('/')}之一`);
  }
  object(key: string): Obj {
    const v = this.obj[key];
    return isObj(v) ? v : this.fail(key, '对象');
  }
  optObject(key: string): Obj | undefined {
    return this.obj[key] === undefined || this.obj[key] === null ? undefined : this.object(key);
  }
  array(key: string): unknown[] {
    const v = this.obj[key];
    return Array.isArray(v) ? v : this.fail(key, '列表');
  }
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `v` as an object whose fields are read against `file`; `where` prefixes field names in messages. */
export function objectAt(v: unknown, file: string, where: string, code: BundleErrorCode = 'invalid-content'): Fields {
  if (!isObj(v)) throw new BundleError(code, `季度包文件“${file}”格式不正确：${where || '内容'}应为对象`, file);
  return new Fields(v, file, where, code);
}

function listAt(v: unknown, file: string): unknown[] {
  if (!Array.isArray(v)) throw new BundleError('invalid-content', `季度包文件“${file}”格式不正确：内容应为列表`, file);
  return v;
}

/**
 * manifest.json. A wrong `format` means “not a bundle”; a higher `formatVersion` means “update the program”;
 * both are checked before any other field so an old program explains itself instead of listing fields.
 */
export function parseManifest(value: unknown): BundleManifest {
  const file = 'manifest.json';
  if (!isObj(value) || value.format !== BUNDLE_FORMAT) {
    throw new BundleError('not-bundle', '所选 ZIP 不是巡检助手的季度包（manifest.json 中没有 gov-site-inspector.bundle 格式标记）', file);
  }
  const m = new Fields(value, file, '', 'invalid-manifest');
  const version = m.num('formatVersion');
  if (!Number.isInteger(version) || version < 1) m.fail('formatVersion', '正整数');
  if (version > BUNDLE_FORMAT_VERSION) {
    throw new BundleError(
      'newer-version',
      `此季度包是第 ${version} 版格式，由更新版本的巡检助手导出；本程序只能读取第 ${BUNDLE_FORMAT_VERSION} 版格式。请升级巡检助手后再导入。`,
      file,
    );
  }
  const quarter = m.str('quarter');
  if (!isQuarter(quarter)) m.fail('quarter', '“2026Q4”这样的季度');
  const generator = objectAt(m.object('generator'), file, 'generator.', 'invalid-manifest');
  const files = m.array('files').map((f, i) => {
    const entry = objectAt(f, file, `files[${i}].`, 'invalid-manifest');
    const sha256 = entry.str('sha256');
    if (!SHA256_HEX.test(sha256)) entry.fail('sha256', '64 位十六进制 SHA-256');
    const bytes = entry.num('bytes');
    if (!Number.isInteger(bytes) || bytes < 0) entry.fail('bytes', '非负整数');
    return { path: entry.str('path'), sha256, bytes };
  });
  return {
    format: BUNDLE_FORMAT,
    formatVersion: version,
    quarter,
    createdAt: m.str('createdAt'),
    generator: { name: generator.str('name'), version: generator.str('version') },
    files,
  };
}

/** Who may have set a checklist status. */
const STATUS_BY = ['inspector', 'proposal'] as const;

function parseChecklistEntry(v: unknown, file: string, i: number): BundleChecklistEntry {
  const c = objectAt(v, file, `checklist[${i}].`);
  return {
    id: c.str('id'),
    title: c.str('title'),
    status: c.oneOf('status', CHECKLIST_STATUSES),
    note: c.str('note'),
    findingIds: c.strings('findingIds'),
    evidenceIds: c.has('evidenceIds') ? c.strings('evidenceIds') : [],
    ...(c.has('statusBy') ? { statusBy: c.oneOf('statusBy', STATUS_BY) } : {}),
  };
}

function parseInspection(v: Obj, file: string): BundleInspectionExtra {
  const x = new Fields(v, file, 'inspection.');
  const overrideReason = x.optStr('overrideReason');
  return {
    computedVerdict: x.oneOf('computedVerdict', VERDICTS),
    ...(overrideReason !== undefined ? { overrideReason } : {}),
    profile: x.str('profile'),
    problems: x.str('problems'),
    inspector: x.str('inspector'),
    inspectedOn: x.str('inspectedOn'),
    createdAt: x.str('createdAt'),
    updatedAt: x.str('updatedAt'),
  };
}

/** sites/<folder>/site.json */
export function parseSiteJson(value: unknown, file: string): BundleSiteJson {
  const s = objectAt(value, file, '');
  const inspection = s.optObject('inspection');
  return {
    name: s.str('name'),
    homeUrl: s.str('homeUrl'),
    siteCode: s.str('siteCode'),
    verdict: s.oneOf('verdict', VERDICTS),
    score: s.numOrNull('score'),
    checklist: s.array('checklist').map((c, i) => parseChecklistEntry(c, file, i)),
    aliases: s.strings('aliases'),
    siteCreatedAt: s.str('siteCreatedAt'),
    siteUpdatedAt: s.str('siteUpdatedAt'),
    inspection: inspection ? parseInspection(inspection, file) : null,
  };
}

function parseLocation(l: Fields): FindingLocation {
  const kind = l.oneOf('kind', ['text', 'element'] as const);
  return kind === 'text'
    ? { kind, block: l.num('block'), start: l.num('start'), end: l.num('end') }
    : { kind, ref: l.num('ref') };
}

function parseFinding(v: unknown, file: string, i: number): BundleFinding {
  const f = objectAt(v, file, `[${i}].`);
  const out: BundleFinding = {
    id: f.str('id'),
    key: f.str('key'),
    check: f.oneOf('check', CHECK_IDS),
    severity: f.oneOf('severity', SEVERITIES),
    status: f.oneOf('status', FINDING_STATUSES),
    pageUrl: f.str('pageUrl'),
    pageTitle: f.str('pageTitle'),
    message: f.str('message'),
    subject: f.str('subject'),
    excerpt: f.str('excerpt'),
    expected: f.strOrNull('expected'),
    target: f.strOrNull('target'),
    httpStatus: f.numOrNull('httpStatus'),
    firstSeen: f.str('firstSeen'),
    lastSeen: f.str('lastSeen'),
  };
  const note = f.optStr('note');
  if (note !== undefined) out.note = note;
  const recurring = f.optBool('recurring');
  if (recurring !== undefined) out.recurring = recurring;
  const inferred = f.optBool('inferred');
  if (inferred !== undefined) out.inferred = inferred;
  const location = f.optObject('location');
  if (location !== undefined) out.location = parseLocation(new Fields(location, file, `[${i}].location.`));
  const detail = f.optObject('detail');
  if (detail !== undefined) out.detail = detail;
  const verdictUpdatedAt = f.optStr('verdictUpdatedAt');
  if (verdictUpdatedAt !== undefined) out.verdictUpdatedAt = verdictUpdatedAt;
  return out;
}

/** sites/<folder>/findings.json */
export function parseFindings(value: unknown, file: string): BundleFinding[] {
  return listAt(value, file).map((f, i) => parseFinding(f, file, i));
}

/** sites/<folder>/evidence/evidence.json */
export function parseEvidenceIndex(value: unknown, file: string): BundleEvidence[] {
  return listAt(value, file).map((v, i) => {
    const e = objectAt(v, file, `[${i}].`);
    const sha256 = e.str('sha256');
    if (!SHA256_HEX.test(sha256)) e.fail('sha256', '64 位十六进制 SHA-256');
    const name = e.str('file');
    // Evidence files live directly in the evidence folder: a bare, safe PNG name.
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*\.png$/.test(name)) e.fail('file', '证据文件夹中的 PNG 文件名');
    return {
      id: e.str('id'),
      file: name,
      pageUrl: e.str('pageUrl'),
      capturedAt: e.str('capturedAt'),
      sha256,
      findingIds: e.strings('findingIds'),
      note: e.str('note'),
    };
  });
}
