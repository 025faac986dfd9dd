/**
 * The forms people type for the same characters, made one: full-width letters, digits and brackets (ＡＢＣ１２３,
 * （）), ideographic spaces, upper case. Traditional characters are folded to simplified by the search service
 * (opencc-js); this part is pure and also keys 文号 and 索引号 for exact hits.
 */

/** Full-width and compatibility forms folded (NFKC), lower case, runs of white space made one space. */
export function foldWidth(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
}

/**
 * The key a 文号 or 索引号 is compared by: width folded, white space removed, and every bracket people type around a
 * year (〔〕 [] 【】 () （） {}) made 〔〕, so 示范府发[2024]12号 finds 示范府发〔2024〕12号.
 */
export function numberKey(text: string): string {
  return foldWidth(text)
    .replace(/\s+/g, '')
    .replace(/[[【(（〔{［｛](\d{4})[\]】)）〕}］｝]/g, '〔$1〕')
    .replace(/[〔［]/g, '〔')
    .replace(/[〕］]/g, '〕');
}

/** Whether a query looks like a 文号 or 索引号 (worth an exact look-up) rather than words. */
export function looksLikeNumber(text: string): boolean {
  const key = numberKey(text);
  return (
    key.length >= 4 &&
    key.length <= 100 &&
    /\d/.test(key) &&
    (/〔\d{4}〕\d+号$|第\d+号$/.test(key) || /^[0-9a-z./_-]+$/.test(key))
  );
}
