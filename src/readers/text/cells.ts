/** What the table decoders hand back: cells with where they were read, and what they were unsure of. */
import type { ReaderDoubt, SourceLocation } from '../../core/report/model.js';
import { statedFigures, type StatedFigure } from '../../core/report/prose.js';
import type { Token } from './tokens.js';

/** One cell read: its value (null for a blank) and where it was read. */
export interface ReadCell {
  value: number | null;
  at: SourceLocation;
  /** Read from an OCR look-alike (`1O` for 10). */
  ocr?: boolean;
}

/** Collects values by path, their provenance and the doubts of one reading. */
export class Reading {
  readonly values = new Map<string, number | null>();
  readonly provenance: Record<string, SourceLocation> = {};
  readonly doubts: ReaderDoubt[] = [];
  /** The report's narrative (sections 一 to 四 without their tables), for the figures it states. */
  narrative = '';
  #figures: StatedFigure[] | undefined;

  /** The figures the narrative states (computed on first use: only undecided splits need them). */
  get figures(): StatedFigure[] {
    this.#figures ??= statedFigures(this.narrative);
    return this.#figures;
  }

  set(path: string, cell: ReadCell | null): void {
    if (cell === null) return;
    this.values.set(path, cell.value);
    this.provenance[path] = cell.at;
    if (cell.ocr) {
      this.doubt(
        'ocr',
        path,
        `“${cell.at.text ?? ''}”按数字读取`,
        `"${cell.at.text ?? ''}" was read as a number (OCR look-alike)`,
      );
    }
  }

  get(path: string): number | null {
    return this.values.get(path) ?? null;
  }

  doubt(kind: string, path: string | undefined, message: string, messageEn: string): void {
    this.doubts.push(path === undefined ? { kind, message, messageEn } : { kind, path, message, messageEn });
  }
}

/** A token as a cell (empty and blank tokens read as null). */
export function cellOf(token: Token): ReadCell {
  const cell: ReadCell = { value: token.kind === 'value' ? token.value : null, at: token.at };
  if (token.ocr) cell.ocr = true;
  return cell;
}
