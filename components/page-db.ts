/**
 * The extension's IndexedDB as an extension page opens it itself (our pages share the extension's origin): for what
 * should not go through runtime messages — screenshots' Blobs, whole quarterly bundles. One connection for the
 * page's lifetime, opened on first use.
 */
import { InspectorDb } from '@/lib/db/schema';

let db: InspectorDb | undefined;

export function pageDb(): InspectorDb {
  return (db ??= new InspectorDb());
}
