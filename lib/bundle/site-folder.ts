/**
 * File and folder names inside the bundle: sites/<网站标识码, else host>/ and evidence/<id>.png — reduced to
 * characters that are safe on Windows, macOS and Linux, and made unique within their folder.
 */
import { hostnameOf } from '../links/normalize-url';

/** Characters kept as they are; everything else becomes “_”. */
const UNSAFE = /[^A-Za-z0-9._-]+/g;
const MAX_LENGTH = 64;

/** `raw` made file-name safe: never empty, no leading dot (so never “..”), at most 64 characters. */
export function safeName(raw: string): string {
  const safe = raw.trim().replace(UNSAFE, '_').replace(/^[._]+/, '').slice(0, MAX_LENGTH).replace(/[._]+$/, '');
  return safe || 'site';
}

/**
 * Safe names for `raws`, in order, made unique: the second “example.gov.cn” becomes “example.gov.cn-2”.
 * Comparison ignores case because Windows and macOS file systems do.
 */
export function uniqueSafeNames(raws: readonly string[]): string[] {
  const taken = new Set<string>();
  return raws.map((raw) => {
    const base = safeName(raw);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/**
 * The name a site's folder asks for: its 网站标识码, else the home page's host (the URL parser gives an IDN host
 * in its ASCII punycode form), else the home page as written.
 */
export function siteFolderBase(site: { siteCode: string; homeUrl: string }): string {
  const home = site.homeUrl.trim();
  return safeName(site.siteCode.trim() || hostnameOf(home) || home);
}

/** One unique folder name per site, in the order given. */
export function assignFolderNames(sites: readonly { siteCode: string; homeUrl: string }[]): string[] {
  return uniqueSafeNames(sites.map(siteFolderBase));
}
