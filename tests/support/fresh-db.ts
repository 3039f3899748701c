/**
 * A fresh, uniquely named database per test (fake-indexeddb in unit tests), closed and deleted after each test.
 * Call at the top level of a test file: `const freshDb = freshDatabases('findings');`.
 */
import Dexie from 'dexie';
import { afterEach } from 'vitest';
import { InspectorDb } from '../../lib/db/schema';

export function freshDatabases(prefix: string): () => InspectorDb {
  const open: InspectorDb[] = [];
  afterEach(async () => {
    for (const db of open.splice(0)) {
      db.close();
      await Dexie.delete(db.name);
    }
  });
  return () => {
    const db = new InspectorDb(`${prefix}-${Math.random()}`);
    open.push(db);
    return db;
  };
}
