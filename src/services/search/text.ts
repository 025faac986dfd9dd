/**
 * Words for the search index: text folded (full-width, case, traditional → simplified by opencc-js) and segmented
 * by jieba in search mode (a long word also yields the dictionary words inside it: 低保户 → 低保, 低保户), so a
 * two-character query finds the longer words that contain it.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import * as OpenCC from 'opencc-js';
import { foldWidth } from '../../core/search/fold.js';

let jieba: Jieba | null = null;
let toSimplified: ((text: string) => string) | null = null;

function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** Text as the index compares it: width and case folded, traditional characters made simplified. */
export function foldText(text: string): string {
  const convert = (toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  return convert(foldWidth(text));
}

const WORD = /[\p{L}\p{N}]/u;

/** The index words of a folded text, each once, in order of first appearance. */
export function indexWords(folded: string): string[] {
  const seen = new Set<string>();
  for (const word of segmenter().cutForSearch(folded, true)) {
    const w = word.trim();
    if (w.length > 0 && w.length <= 64 && WORD.test(w)) seen.add(w);
  }
  return [...seen];
}

/** The words of a query: folded and segmented the same way, at most 16 (a pasted paragraph is cut short). */
export function queryWords(text: string): string[] {
  return indexWords(foldText(text)).slice(0, 16);
}
