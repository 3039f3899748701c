/**
 * Storage failures in words an inspector can act on. IndexedDB reports a full disk or an exhausted quota as
 * QuotaExceededError (Dexie wraps it, keeping the original as `inner`).
 */

/** True when the error (or the error Dexie wrapped) says the storage quota is exhausted. */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    e = (e as { inner?: unknown }).inner;
  }
  return false;
}

/** A Chinese message for a failed write; `what` names what could not be saved (e.g. “截图”). */
export function storageErrorMessage(error: unknown, what: string): string {
  if (isQuotaError(error)) {
    return `存储空间不足，${what}未能保存。请先导出季度包，再删除不再需要的截图，或清理磁盘空间后重试。`;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `${what}未能保存：${detail}`;
}
