/**
 * Raw IndexedDB helpers that run inside an extension page (extension pages share the extension's database;
 * Dexie is not available to `page.evaluate`, the plain IndexedDB API is).
 */
import { expect, type Page } from '@playwright/test';
import { DB_NAME, type SCHEMA_V2 } from '../../../lib/db/schema';

export type StoreName = keyof typeof SCHEMA_V2;
/** The tables a quarterly bundle touches. */
export type TableName = 'sites' | 'inspections' | 'findings' | 'verdicts' | 'evidence';

/** Waits until the extension has created its database (the background does on its first query). */
export async function waitForDatabase(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(async (name) => (await indexedDB.databases()).some((d) => d.name === name), DB_NAME), { timeout: 15_000 })
    .toBe(true);
}

/** Puts records into one table with the plain IndexedDB API. */
export async function putRecords(page: Page, table: StoreName, records: unknown[]): Promise<void> {
  await page.evaluate(
    ({ name, table, records }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(table, 'readwrite');
          for (const r of records) tx.objectStore(table).put(r);
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => (db.close(), reject(tx.error));
        };
      }),
    { name: DB_NAME, table, records },
  );
}

/** Stores a screenshot drawn in the page (a real PNG) as an evidence record; returns its SHA-256. */
export async function putScreenshot(page: Page, record: { id: string; siteKey: string; quarter: string; pageUrl: string; capturedAt: string; findingIds: string[]; note: string }): Promise<string> {
  return page.evaluate(
    async ({ name, record }) => {
      const canvas = new OffscreenCanvas(320, 200);
      const g = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      g.fillStyle = '#b91c1c';
      g.fillRect(0, 0, 320, 200);
      g.fillStyle = '#fff';
      g.fillText(record.pageUrl, 10, 100);
      const png = await canvas.convertToBlob({ type: 'image/png' });
      const digest = await crypto.subtle.digest('SHA-256', await png.arrayBuffer());
      const sha256 = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('evidence', 'readwrite');
          tx.objectStore('evidence').put({ ...record, sha256, bytes: png.size, png });
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => (db.close(), reject(tx.error));
        };
      });
      return sha256;
    },
    { name: DB_NAME, record },
  );
}

/** Every record of one table (screenshots without their bytes). */
export async function readTable<T = Record<string, unknown>>(page: Page, table: StoreName): Promise<T[]> {
  return page.evaluate(
    ({ name, table }) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(table)) return (db.close(), resolve([]));
          const req = db.transaction(table).objectStore(table).getAll();
          req.onsuccess = () => {
            db.close();
            resolve((req.result as Record<string, unknown>[]).map(({ png: _png, ...rest }) => rest as T));
          };
          req.onerror = () => (db.close(), reject(req.error));
        };
      }),
    { name: DB_NAME, table },
  );
}

/** One record of a table by its key; undefined when there is none. */
export async function readRecord<T>(page: Page, table: StoreName, key: string): Promise<T | undefined> {
  return page.evaluate(
    ({ name, table, key }) =>
      new Promise<T | undefined>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(table).objectStore(table).get(key);
          req.onsuccess = () => (db.close(), resolve(req.result as T | undefined));
          req.onerror = () => (db.close(), reject(req.error));
        };
      }),
    { name: DB_NAME, table, key },
  );
}

/** Record counts of the five tables a bundle touches. */
export async function tableCounts(page: Page): Promise<Record<TableName, number>> {
  const tables: TableName[] = ['sites', 'inspections', 'findings', 'verdicts', 'evidence'];
  const counts = await Promise.all(tables.map(async (t) => [t, (await readTable(page, t)).length] as const));
  return Object.fromEntries(counts) as Record<TableName, number>;
}

/** Deletes the extension's database (its open connections close themselves: Dexie yields to a delete). */
export async function deleteDatabase(page: Page): Promise<void> {
  await page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.deleteDatabase(name);
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error);
      }),
    DB_NAME,
  );
}
