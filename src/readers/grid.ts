/**
 * The shape every table-bearing format is brought into before its numbers are mapped onto the statutory template.
 *
 * HTML and DOCX tables (merged cells spread out), PDF text rebuilt into rows from coordinates, and text whose
 * rows are separated by tabs, bars or runs of spaces all become a `Grid`: rows of cells in reading order, each
 * cell carrying where it was read. One mapper (`readGrid`, in `src/readers/text/`) turns a grid into the
 * contract, so the label matching, the tolerance for slips and the doubts are written once.
 */
import type { SourceLocation } from '../core/report/model.js';

/** One cell as it stands in the source, with where it was read (line/column, or page/x/y). */
export interface GridCell {
  text: string;
  at: SourceLocation;
  /** A cell of a header row (a markdown row above its `|---|` rule): its text is words, never values. */
  header?: boolean;
}

/** A row of cells in reading order; a merged cell appears once, in its first column, unless spread out. */
export type GridRow = GridCell[];

/** A document brought into rows: `rows` holds every line or table row in document order (prose included). */
export interface Grid {
  rows: GridRow[];
}
