/** Messages about the link check of a tab's page (issue 4): report, 取消, 重新检查链接, settings. */
import { readLinkSettings, writeLinkSettings } from '@/lib/db/link-cache-store';
import type { InspectorDb } from '@/lib/db/schema';
import type { LinkMessages } from '@/lib/messaging/protocol';
import type { Feature } from '@/lib/messaging/router';
import type { LinkStage } from './link-stage';

export function linkFeature(db: InspectorDb, links: LinkStage): Feature<LinkMessages> {
  return {
    handlers: {
      getLinkReport: ({ tabId, filter, limit }) => ({ report: links.report(tabId, filter, limit) }),
      cancelLinkCheck({ tabId }) {
        links.cancel(tabId);
        return { report: links.report(tabId) };
      },
      async recheckLinks({ tabId }) {
        await links.recheck(tabId);
        return { report: links.report(tabId) };
      },
      getLinkSettings: () => readLinkSettings(db),
      setLinkSettings: (settings) => writeLinkSettings(db, settings, new Date().toISOString()),
    },
    audience: {
      getLinkReport: 'ui',
      cancelLinkCheck: 'ui',
      recheckLinks: 'ui',
      getLinkSettings: 'ui',
      setLinkSettings: 'ui',
    },
  };
}
