/** The HTML reader: a saved page or a bare table, in any charset, through the one grid mapper. */
import type { Grid } from '../grid.js';
import { readGrid } from '../text/index.js';
import type { ReadResult } from '../types.js';
import { decodeHtml } from './decode.js';
import { htmlToGrid } from './grid.js';

/** The grid of an HTML file's bytes (charset from its BOM or `<meta>`, else UTF-8 or GB18030). */
export function htmlBytesToGrid(bytes: Uint8Array): Grid {
  return htmlToGrid(decodeHtml(bytes).text);
}

/** The reader for HTML files. */
export async function readHtml(bytes: Uint8Array, name: string): Promise<ReadResult> {
  return readGrid(htmlBytesToGrid(bytes), name, 'html');
}
