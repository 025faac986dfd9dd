/**
 * Dictionary-free similarity of two Chinese requests, for flagging likely duplicates at intake (条例第三十六条第六项:
 * 重复申请). Chinese has no spaces, so instead of segmenting into words we compare character bigrams: two requests
 * for the same document share most of their two-character sequences whatever the word boundaries.
 */

/** Keeps letters and digits (CJK included) and lower-cases Latin; punctuation and spaces carry no meaning here. */
export function normaliseRequestText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The set of character bigrams of a text (a one-character text is its own unigram). */
export function bigrams(text: string): Set<string> {
  const chars = Array.from(normaliseRequestText(text));
  const result = new Set<string>();
  if (chars.length === 1) result.add(chars[0]!);
  for (let i = 0; i + 1 < chars.length; i += 1) result.add(chars[i]! + chars[i + 1]!);
  return result;
}

/** Sørensen–Dice coefficient of the bigram sets, in [0, 1]; 1 for identical texts, 0 when nothing is shared. */
export function requestSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 && y.size === 0) return 1;
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared += 1;
  return (2 * shared) / (x.size + y.size);
}

/** From this similarity on, a request of the same applicant is flagged as a likely duplicate (tunable). */
export const DUPLICATE_THRESHOLD = 0.6;
