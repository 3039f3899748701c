/**
 * UI text comes from public/_locales (zh_CN first, en second), never from string literals in components.
 * Missing keys show the key itself, so a forgotten message is visible instead of blank.
 */
import { browser } from 'wxt/browser';
import type { CheckId, FindingStatus, Severity } from '@/lib/checks/types';

export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key as never, substitutions) || key;
}

export const checkLabel = (check: CheckId): string => t(`check_${check.replace(/-/g, '_')}`);
export const severityLabel = (severity: Severity): string => t(`severity_${severity}`);
export const statusLabel = (status: FindingStatus): string => t(`status_${status.replace(/-/g, '_')}`);
