/** What the table decoders hand back: cells with where they were read, and what they were unsure of. */
import type { ReaderDoubt, SourceLocation } from '../../core/report/model.js';
import type { Token } from './tokens.js';

/** One cell read: its value (null for a blank) and where it was read. */
export interface ReadCell {
  value: number | null;
  at: SourceLocation;
}

/** Collects values by path, their provenance and the doubts of one reading. */
export class Reading {
  readonly values = new Map<string, number | null>();
  readonly provenance: Record<string, SourceLocation> = {};
  readonly doubts: ReaderDoubt[] = [];

  set(path: string, cell: ReadCell | null): void {
    if (cell === null) return;
    this.values.set(path, cell.value);
    this.provenance[path] = cell.at;
  }

  get(path: string): number | null {
    return this.values.get(path) ?? null;
  }

  doubt(kind: string, path: string | undefined, message: string, messageEn: string): void {
    this.doubts.push({ kind, ...(path === undefined ? {} : { path }), message, messageEn });
  }
}

/** A token as a cell (empty and blank tokens read as null). */
export function cellOf(token: Token): ReadCell {
  return { value: token.kind === 'value' ? token.value : null, at: token.at };
}
