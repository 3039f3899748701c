/** A follow-up stage that counts the pages of a registered site checked in the quarter (the list's progress). */
import { pageKeyUrl } from '@/lib/checks/place-findings';
import { recordCheckedPage } from '@/lib/db/inspection-store';
import type { InspectorDb } from '@/lib/db/schema';
import { broadcast } from './messaging';
import type { PageStage } from './page-service';

export function createCheckedPagesStage(db: InspectorDb): PageStage {
  return {
    id: 'inspection-pages',
    async run(snapshot, ctx) {
      if (!ctx.site) return;
      // A page counted before changes no count; new findings reach the lists through the page's own broadcast.
      const added = await recordCheckedPage(db, ctx.siteKey, ctx.quarter, pageKeyUrl(snapshot.url), ctx.now.toISOString());
      if (added) broadcast('inspectionChanged', { quarter: ctx.quarter, siteId: ctx.site.id });
    },
  };
}
