/** The HTML reader: a saved page or a bare table, in any charset, through the one grid mapper. */
import type { Grid } from '../grid.js';
import { readGrid } from '../text/index.js';
import type { ReadResult } from '../types.js';
import { isDomainError } from '../../core/errors.js';
import { decodeHtml } from './decode.js';
import { unwrapEmbedded } from './embedded.js';
import { htmlToGrid } from './grid.js';

/** The grid of an HTML file's bytes (charset from its BOM or `<meta>`, else UTF-8 or GB18030). */
export function htmlBytesToGrid(bytes: Uint8Array): Grid {
  return htmlToGrid(decodeHtml(bytes).text);
}

/**
 * The reader for HTML files. A page whose tables are not in its markup (a JavaScript or JSON file carrying the
 * page as an escaped string, a page whose script holds it) is read again from the unescaped markup.
 */
export async function readHtml(bytes: Uint8Array, name: string): Promise<ReadResult> {
  const { text } = decodeHtml(bytes);
  try {
    return readGrid(htmlToGrid(text), name, 'html');
  } catch (error) {
    if (!isDomainError(error) || error.code !== 'REPORT_NOT_FOUND') throw error;
    const unwrapped = unwrapEmbedded(text);
    if (unwrapped === null) throw error;
    return readGrid(htmlToGrid(unwrapped), name, 'html');
  }
}
