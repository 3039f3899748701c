/** Messages about checking the page in a tab: from content scripts and from the side panel. */
import type { InspectorDb } from '@/lib/db/schema';
import { siteForUrl } from '@/lib/db/sites-store';
import type { ContentToBackground, PageMessages } from '@/lib/messaging/protocol';
import type { Feature } from '@/lib/messaging/router';
import { tabClient } from './messaging';
import type { PageService } from './page-service';

export function pageFeature(db: InspectorDb, pages: PageService): Feature<ContentToBackground & PageMessages> {
  return {
    handlers: {
      async checkPage({ snapshot }, sender) {
        return { findings: await pages.checkPage(snapshot, sender.tabId as number) };
      },
      async getPagePolicy({ url }, sender) {
        const site = await siteForUrl(db, url);
        return { autoCheck: Boolean(site), overlay: pages.overlayFor(sender.tabId as number) };
      },
      getTabState: ({ tabId }) => {
        // The side panel is open: a check is coming.
        pages.warmUp();
        return pages.tabState(tabId);
      },
      checkTab: ({ tabId }) => pages.checkTab(tabId),
      async setFindingStatus({ findingId, status, note }) {
        return { finding: await pages.updateStatus(findingId, status, note) };
      },
      focusFinding: ({ tabId, findingId }) => tabClient(tabId).send('focusFinding', { findingId }),
      setOverlay: ({ tabId, enabled }) => pages.setOverlay(tabId, enabled),
    },
    audience: {
      checkPage: 'content',
      getPagePolicy: 'content',
      getTabState: 'ui',
      checkTab: 'ui',
      setFindingStatus: 'ui',
      focusFinding: 'ui',
      setOverlay: 'ui',
    },
  };
}
