/**
 * 发文字号 (GB/T 9704—2012 7.2.5): 发文机关代字, the full year in 六角括号 〔〕 and the sequence number with 号, no 第
 * and no leading zero — `示范府发〔2024〕12号`. Orders (令) are numbered `…令第N号` (`国令第672号`). Input is
 * normalised first (other brackets, full-width digits, spaces), then parsed strictly.
 */
import { DomainError } from '../errors.js';

export type DocumentNumber =
  | { kind: 'standard'; prefix: string; year: number; seq: number }
  | { kind: 'order'; prefix: string; seq: number };

const STANDARD = /^([^〔〕\s]+)〔(\d{4})〕(\d+)号$/;
const ORDER = /^([^〔〕\s]*令)第(\d+)号$/;

/** Brackets people type for 〔〕, full-width digits and spaces made canonical; nothing else is changed. */
export function normaliseDocumentNumber(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/(?:\[|［|【|\(|（|〔|｛|\{)(\d{4})(?:\]|］|】|\)|）|〕|｝|\})/g, '〔$1〕');
}

function invalid(text: string, zh: string, en: string): DomainError {
  return new DomainError('DOCUMENT_INVALID', `发文字号「${text}」${zh}`, `document number "${text}" ${en}`, {
    field: 'documentNumber',
  });
}

/** Parses a 发文字号 (after normalising); DOCUMENT_INVALID with the rule it breaks. */
export function parseDocumentNumber(input: string): DocumentNumber {
  const text = normaliseDocumentNumber(input);
  const order = ORDER.exec(text);
  if (order) {
    const seqText = order[2]!;
    if (seqText.startsWith('0')) {
      throw invalid(
        input,
        '的序号不编虚位（1 不编为 01）',
        'must not pad the sequence with zeros (1, not 01)',
      );
    }
    return { kind: 'order', prefix: order[1]!, seq: Number(seqText) };
  }
  const match = STANDARD.exec(text);
  if (!match) {
    if (/第\d+号$/.test(text) && !/令第/.test(text)) {
      throw invalid(
        input,
        '的发文顺序号不加“第”字（令除外）',
        'takes no 第 before the sequence (except orders, 令)',
      );
    }
    throw invalid(
      input,
      '格式应为“机关代字〔年份〕序号号”（如 示范府发〔2024〕12号）或“…令第N号”',
      'must read 代字〔YYYY〕N号 (e.g. 示范府发〔2024〕12号) or …令第N号',
    );
  }
  const year = Number(match[2]);
  const seqText = match[3]!;
  if (year < 1949 || year > 2100)
    throw invalid(input, `的年份不合理：${year}`, `has an implausible year ${year}`);
  if (seqText.startsWith('0')) {
    throw invalid(
      input,
      '的发文顺序号不编虚位（1 不编为 01）',
      'must not pad the sequence with zeros (1, not 01)',
    );
  }
  return { kind: 'standard', prefix: match[1]!, year, seq: Number(seqText) };
}

/** The canonical text of a parsed 发文字号. */
export function formatDocumentNumber(n: DocumentNumber): string {
  return n.kind === 'order' ? `${n.prefix}第${n.seq}号` : `${n.prefix}〔${n.year}〕${n.seq}号`;
}
