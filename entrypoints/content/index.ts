/**
 * Content script: present on pages so that 检查本页 works at once, but it checks a page only when asked, or by
 * itself when the page belongs to a site the inspector added. Page DOM is read, never changed.
 */
import { defineContentScript } from '#imports';
import { browser } from 'wxt/browser';
import type { BackgroundToContent } from '@/lib/messaging/protocol';
import { createRouter, type Audience, type Handlers } from '@/lib/messaging/router';
import { background, PageChecker } from './checker';
import { Overlay } from './overlay';

const AUDIENCE: Audience<BackgroundToContent> = { runCheck: 'ui', showFindings: 'ui', focusFinding: 'ui', setOverlay: 'ui' };

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*', 'file:///*'],
  runAt: 'document_idle',
  main() {
    // Injected again by 检查本页 on a page opened before the extension: keep the first instance.
    const flag = '__govSiteInspector';
    const scope = globalThis as unknown as Record<string, boolean>;
    if (scope[flag]) return;
    scope[flag] = true;

    const overlay = new Overlay();
    const checker = new PageChecker(overlay);

    const handlers: Handlers<BackgroundToContent> = {
      runCheck() {
        void checker.check('manual');
        return { started: true };
      },
      showFindings: ({ findings }) => overlay.update(findings),
      focusFinding: ({ findingId }) => ({ found: overlay.focus(findingId) }),
      setOverlay: ({ enabled }) => overlay.setEnabled(enabled),
    };
    const route = createRouter(handlers, AUDIENCE);
    browser.runtime.onMessage.addListener((message, sender) =>
      route(message, { fromExtensionPage: sender.id === browser.runtime.id }),
    );

    // Only pages of sites under inspection are checked without being asked; images and PDFs never.
    if (!document.contentType.startsWith('text/html') && !document.contentType.includes('xml')) return;
    background
      .send('getPagePolicy', { url: location.href })
      .then((policy) => {
        overlay.setEnabled(policy.overlay);
        if (policy.autoCheck) return checker.check('auto');
      })
      .catch(() => undefined);
  },
});
