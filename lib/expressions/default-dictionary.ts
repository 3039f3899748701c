/**
 * The bundled dictionary (data/expressions.json + data/typos.json), read and compiled once per page.
 * The options page's local terms and category switches produce another compiled dictionary through
 * `mergeDictionary` + `compileDictionary`; this module only caches the default.
 */
import expressionsFile from './data/expressions.json';
import typosFile from './data/typos.json';
import { parseDictionary } from './dictionary';
import { compileDictionary } from './matcher';
import type { CompiledDictionary } from './matcher';
import type { DictionaryData } from './types';

let data: DictionaryData | undefined;
let compiled: CompiledDictionary | undefined;

/** The bundled dictionary, checked (a malformed bundle throws `DictionaryError`). */
export function loadDefaultDictionary(): DictionaryData {
  data ??= parseDictionary(expressionsFile, typosFile);
  return data;
}

/** The bundled dictionary compiled for matching; built on first use and cached. */
export function defaultCompiledDictionary(): CompiledDictionary {
  compiled ??= compileDictionary(loadDefaultDictionary());
  return compiled;
}
