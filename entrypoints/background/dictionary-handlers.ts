/**
 * The expression dictionary in the background (issue 3): the page checks built from the bundled dictionary merged
 * with the user's local terms and switches, and the options page's messages that change those. Every change drops
 * the compiled checks, so the next page check uses the new dictionary without reloading the extension.
 */
import { createPageChecks } from '@/lib/checks/registry';
import type { PageCheck } from '@/lib/checks/types';
import {
  addLocalTerm,
  effectiveDictionary,
  exportLocalTermsFile,
  importLocalTermsFile,
  isDefaultDictionary,
  readDictionarySettings,
  removeLocalTerm,
  setDictionarySwitch,
} from '@/lib/db/dictionary-store';
import type { DictionarySettings } from '@/lib/db/dictionary-store';
import type { InspectorDb } from '@/lib/db/schema';
import { defaultCompiledDictionary, loadDefaultDictionary } from '@/lib/expressions/default-dictionary';
import { compileDictionary } from '@/lib/expressions/matcher';
import type { DictionaryMessages } from '@/lib/messaging/protocol';
import type { Feature } from '@/lib/messaging/router';

/** The page checks for the current dictionary settings, compiled once per change (compiling takes ~100 ms). */
export interface DictionaryChecks {
  checks(): Promise<PageCheck[]>;
  /** Forget the compiled checks: the settings changed. */
  invalidate(): void;
}

export function createDictionaryChecks(db: InspectorDb): DictionaryChecks {
  let cached: Promise<PageCheck[]> | null = null;
  const build = async (): Promise<PageCheck[]> => {
    const settings = await readDictionarySettings(db);
    // Untouched settings share the bundled dictionary's cached automaton.
    if (isDefaultDictionary(settings)) return createPageChecks(defaultCompiledDictionary());
    return createPageChecks(compileDictionary(effectiveDictionary(loadDefaultDictionary(), settings)));
  };
  return {
    checks() {
      const current = (cached ??= build());
      // A failed build (damaged storage) must not stick: the next check tries again.
      current.catch(() => {
        if (cached === current) cached = null;
      });
      return current;
    },
    invalidate() {
      cached = null;
    },
  };
}

export function dictionaryFeature(db: InspectorDb, dictionary: DictionaryChecks): Feature<DictionaryMessages> {
  const changed = (settings: DictionarySettings) => {
    dictionary.invalidate();
    return { settings };
  };
  return {
    handlers: {
      async getDictionary() {
        const base = loadDefaultDictionary();
        return { version: base.version, asOf: base.asOf, sources: base.sources, bundled: base.entries, typos: base.typos, settings: await readDictionarySettings(db) };
      },
      addLocalTerm: async (input) => changed(await addLocalTerm(db, input, loadDefaultDictionary())),
      removeLocalTerm: async ({ id }) => changed(await removeLocalTerm(db, id)),
      setDictionarySwitch: async ({ what, enabled }) => changed(await setDictionarySwitch(db, what, enabled)),
      async importLocalTerms({ content, format }) {
        const result = await importLocalTermsFile(db, content, format, loadDefaultDictionary());
        if (!result.ok) return { imported: 0, errors: result.errors, settings: await readDictionarySettings(db) };
        return { imported: result.imported, errors: [], ...changed(result.settings) };
      },
      exportLocalTerms: async ({ format }) => ({ content: await exportLocalTermsFile(db, format) }),
    },
    audience: {
      getDictionary: 'ui',
      addLocalTerm: 'ui',
      removeLocalTerm: 'ui',
      setDictionarySwitch: 'ui',
      importLocalTerms: 'ui',
      exportLocalTerms: 'ui',
    },
  };
}
