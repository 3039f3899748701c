/** Site-list import: read a CSV/XLSX file, preview it against the stored sites, plan the records to save. */
export { readSiteListFile, parseCsvBytes, previewSiteListFile } from './read-file';
export type { ParsedSiteList, SiteListFile } from './read-file';
export { buildPreview, planImport } from './preview';
export type { ExistingMerge, ImportPreview, ImportRow, MessageLevel, RawRow, RowMessage } from './preview';
export { checkSiteCode, isValidSiteCode } from './site-code';
export { normalizeHomeUrl, urlKey, bareHost } from './url';
export { findHeader } from './header';
export type { HeaderColumns, SiteField } from './header';
