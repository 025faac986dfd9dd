/**
 * Finds personal data in a text: identity numbers, phone numbers, credit codes and card numbers by their shape and
 * check digits, e-mail addresses, and names and home addresses where the text labels them. Pure and fast (one pass
 * per pattern over the text; a 10-page attachment takes milliseconds, see bench/personal-data.ts).
 *
 * What is never reported: 文号 and 索引号 (a credit code followed by `/` is an 索引号's agency code), dates,
 * amounts, postcodes, hotlines (12345, 400/800 numbers), public bodies' credit codes (category 1, 机关), names
 * already de-identified (张某), and whatever the agency's allow list holds (its 指南's phone numbers, e-mail,
 * address).
 */
import { maskRules, maskValue, type MaskRules } from './masks.js';
import { looksLikeName } from './names.js';
import {
  bankCardValid,
  creditCodeOfPublicBody,
  creditCodeValid,
  id15Plausible,
  id18Status,
  mobileValid,
} from './numbers.js';
import type { PersonalDataAllowList, PersonalDataFinding, PersonalDataKind } from './types.js';

export interface FindOptions {
  /** The agency's own public contacts and codes: never reported. */
  allow?: PersonalDataAllowList;
  /** The agency's masks (the defaults otherwise). */
  masks?: Partial<MaskRules>;
  /** Only these kinds (all by default). */
  kinds?: readonly PersonalDataKind[];
}

interface Candidate {
  kind: PersonalDataKind;
  start: number;
  end: number;
  confidence: number;
}

/**
 * The text with full-width digits, letters and the common full-width punctuation made ASCII, one character for
 * one, so offsets in it are offsets in the original.
 */
function normalise(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

const NOT_ALNUM_BEFORE = '(?<![0-9A-Za-z])';
const NOT_ALNUM_AFTER = '(?![0-9A-Za-z])';

const ID18 = new RegExp(`${NOT_ALNUM_BEFORE}[1-9]\\d{5}([ -]?)\\d{8}\\1\\d{3}[0-9Xx]${NOT_ALNUM_AFTER}`, 'g');
const ID15 = new RegExp(`${NOT_ALNUM_BEFORE}[1-9]\\d{14}${NOT_ALNUM_AFTER}`, 'g');
const CREDIT = new RegExp(
  `${NOT_ALNUM_BEFORE}[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}${NOT_ALNUM_AFTER}`,
  'gi',
);
const MOBILE = new RegExp(
  `(?<![0-9A-Za-z+])(?:(?:\\+|00)?86[ -]?)?1[3-9]\\d(?:[ -]?\\d{4}){2}${NOT_ALNUM_AFTER}`,
  'g',
);
const AREA_CODE = '0(?:10|2\\d|[3-9]\\d{2})';
const LANDLINE = new RegExp(
  `${NOT_ALNUM_BEFORE}(?:\\(${AREA_CODE}\\) ?|${AREA_CODE}[ -]?)[2-9]\\d{6,7}(?:(?:-|转)\\d{1,5})?${NOT_ALNUM_AFTER}`,
  'g',
);
/** A local number without its area code, only right after a phone label. */
const LABELLED_LOCAL = /(?:电话|联系方式|座机|固话|[Tt]el|TEL)[:\s]*([2-9]\d{6,7})(?![0-9A-Za-z])/g;
const CARD = new RegExp(
  `${NOT_ALNUM_BEFORE}\\d{4}(?:[ -]?\\d{4}){2}(?:[ -]?\\d{4,7}|[ -]?\\d{4}[ -]?\\d{1,3})${NOT_ALNUM_AFTER}`,
  'g',
);
const LABELLED_ACCOUNT =
  /(?:银行卡号|银行卡|卡号|银行账号|银行帐号|账号|帐号|收款账户|账户)[:\s]*(\d[\d -]{10,28}\d)(?![0-9A-Za-z])/g;
const EMAIL = /[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

const ID_LABEL = /(?:身份证|证件号|身份号码|公民身份|居住证)[^,.;。，；\n]{0,8}$/;
const CARD_LABEL = /(?:银行卡|卡号|账号|帐号|开户|借记卡|社保卡|账户)[^,.;。，；\n]{0,8}$/;
/** Labels of numbers that are not people's: a 15-digit 注册号, a contract number built on a region code and a date. */
const OTHER_NUMBER_LABEL =
  /(?:注册号|编号|编码|单号|合同号|订单|流水号|项目号|许可证|证书号|准考证|批准文号|登记号|案号|单元号)[^,.;。，；\n]{0,6}$/;
const CREDIT_LABEL = /(?:信用代码|社会信用|注册号|执照)[^,.;。，；\n]{0,8}$/;

function labelled(text: string, start: number, label: RegExp): boolean {
  return label.test(text.slice(Math.max(0, start - 16), start));
}

const NAME_LABELS =
  '姓名|申请人|联系人|当事人|被处罚人|被申请人|法定代表人|负责人|经营者|户主|监护人|收款人|举报人|投诉人|委托代理人|代理人|承租人|户名|持卡人|患者|学生|家长|死者|受助人|救助对象|拟聘人员|考生';
/** A label, maybe 姓名 after it, maybe a colon, then a run of Han characters. */
const NAME_AFTER_LABEL = new RegExp(
  `(?:${NAME_LABELS})(?:姓名)?(?:[:\\s]\\s*)?([\\u4e00-\\u9fa5·]{2,12})`,
  'g',
);
/** What may follow a name inside a longer run of Han characters. */
const AFTER_NAME =
  /^(?:于|在|因|为|的|等|同志|先生|女士|男|女|身份|性别|年龄|住|现住|联系|电话|手机|家住|户籍|系|是|出生|提交|申请|户)/;

const ADDRESS_LABEL =
  /(?:家庭住址|家庭地址|现住址|户籍地址|户籍所在地|居住地址|现居住地|居住地|住所地|住址|住所|家住|现住|居住在|住在)(?:[:\s]\s*)?/g;
/** House-level detail: what makes an address a person's home rather than a district. */
const HOUSE_DETAIL = /\d+\s*(?:号|室|栋|幢|单元|弄|组|户)|[一二三四五六七八九十]+(?:组|号|队)|号楼/;
/** An address with a room number, unlabelled; tried only on the 80 characters before each 室. */
const ROOM_ADDRESS =
  /[\u4e00-\u9fa5A-Za-z0-9-]{2,40}?(?:路|街|巷|弄|小区|村|苑|花园|公寓|大厦|家园|新村|里)[\u4e00-\u9fa5A-Za-z0-9-]{0,20}?\d+\s*(?:号|栋|幢|号楼)[\u4e00-\u9fa5A-Za-z0-9-]{0,12}?\d+\s*室$/;
const ROOM_WINDOW = 80;

function collect(pattern: RegExp, text: string, each: (match: RegExpExecArray) => void): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) each(match);
}

function digitsOf(value: string): string {
  return value.replace(/\D/g, '');
}

function phoneAllowed(digits: string, allowed: readonly string[]): boolean {
  const bare = digits.replace(/^(?:0086|86)(?=1[3-9]\d{9}$)/, '');
  return allowed.some((entry) => {
    const a = entry.replace(/^(?:0086|86)(?=1[3-9]\d{9}$)/, '');
    if (a === bare) return true;
    // One written with its area code, the other without.
    return (
      a.length >= 7 &&
      bare.length >= 7 &&
      (a.endsWith(bare) || bare.endsWith(a)) &&
      Math.abs(a.length - bare.length) <= 4
    );
  });
}

function numberCandidates(text: string, out: Candidate[]): void {
  collect(ID18, text, (m) => {
    const compact = m[0].replace(/[ -]/g, '');
    const status = id18Status(compact);
    if (status === 'no') return;
    const isLabelled = labelled(text, m.index, ID_LABEL);
    if (!isLabelled && labelled(text, m.index, OTHER_NUMBER_LABEL)) return;
    // A wrong check digit (a typing slip) is reported where the text says identity numbers are there: a label
    // just before, or 身份证 in the 2,000 characters before (the header of a list's column).
    let confidence = 0.99;
    if (status !== 'valid') {
      if (isLabelled) confidence = 0.9;
      else if (text.slice(Math.max(0, m.index - 2000), m.index).includes('身份证')) confidence = 0.8;
      else return;
    }
    out.push({ kind: 'id-number', start: m.index, end: m.index + m[0].length, confidence });
  });
  collect(ID15, text, (m) => {
    if (!id15Plausible(m[0])) return;
    const isLabelled = labelled(text, m.index, ID_LABEL);
    if (!isLabelled && labelled(text, m.index, OTHER_NUMBER_LABEL)) return;
    const confidence = isLabelled ? 0.95 : 0.7;
    out.push({ kind: 'id-number', start: m.index, end: m.index + m[0].length, confidence });
  });
  collect(CREDIT, text, (m) => {
    const code = m[0].toUpperCase();
    if (!creditCodeValid(code) || creditCodeOfPublicBody(code)) return;
    // An 索引号 built on an agency's code: `…/2024-00012`.
    if (/^\s*[/／]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2))) return;
    const confidence = labelled(text, m.index, CREDIT_LABEL) ? 0.99 : 0.95;
    out.push({ kind: 'credit-code', start: m.index, end: m.index + m[0].length, confidence });
  });
  collect(MOBILE, text, (m) => {
    const digits = digitsOf(m[0]).replace(/^(?:0086|86)(?=1)/, '');
    if (!mobileValid(digits)) return;
    out.push({ kind: 'mobile', start: m.index, end: m.index + m[0].length, confidence: 0.97 });
  });
  collect(LANDLINE, text, (m) => {
    out.push({ kind: 'landline', start: m.index, end: m.index + m[0].length, confidence: 0.9 });
  });
  collect(LABELLED_LOCAL, text, (m) => {
    const start = m.index + m[0].length - m[1]!.length;
    out.push({ kind: 'landline', start, end: start + m[1]!.length, confidence: 0.8 });
  });
  collect(CARD, text, (m) => {
    const digits = digitsOf(m[0]);
    if (!bankCardValid(digits)) return;
    const isLabelled = labelled(text, m.index, CARD_LABEL);
    if (!isLabelled && labelled(text, m.index, OTHER_NUMBER_LABEL)) return;
    const confidence = labelled(text, m.index, CARD_LABEL) ? 0.98 : 0.9;
    out.push({ kind: 'bank-card', start: m.index, end: m.index + m[0].length, confidence });
  });
  collect(LABELLED_ACCOUNT, text, (m) => {
    const value = m[1]!;
    const digits = digitsOf(value);
    if (digits.length < 12 || digits.length > 25) return;
    const start = m.index + m[0].length - value.length;
    out.push({ kind: 'bank-card', start, end: start + value.length, confidence: 0.85 });
  });
  collect(EMAIL, text, (m) => {
    out.push({ kind: 'email', start: m.index, end: m.index + m[0].length, confidence: 0.95 });
  });
}

/** The name at the start of a run of Han characters that follows a name label, or null. */
function nameInRun(run: string): string | null {
  if (run.length <= 4 && looksLikeName(run)) return run;
  for (const length of [3, 2, 4]) {
    const candidate = run.slice(0, length);
    if (candidate.length === length && AFTER_NAME.test(run.slice(length)) && looksLikeName(candidate)) {
      return candidate;
    }
  }
  return null;
}

function labelledNames(text: string, out: Candidate[]): void {
  collect(NAME_AFTER_LABEL, text, (m) => {
    const run = m[1]!;
    // 上官** is a masked name, not the name 上官.
    if (/^[*×xX]/.test(text.slice(m.index + m[0].length))) return;
    const name = nameInRun(run);
    if (name === null) return;
    const start = m.index + m[0].length - run.length;
    out.push({ kind: 'name', start, end: start + name.length, confidence: 0.9 });
  });
}

/** A cell separator in a list as text: a tab, a bar, or a run of spaces (one space between Han characters). */
const CELL = /[^\t|,，、\s]+/g;
/** Sentence punctuation: a line with it is prose, not a list row. */
const PROSE = /[。,;:，；：]/;

/** Names in the 姓名 column of a list, and names beside an identity or phone number on a list line. */
function listNames(text: string, numbers: readonly Candidate[], out: Candidate[]): void {
  let lineStart = 0;
  let nameColumn = -1;
  const strongNumbers = numbers.filter((c) => c.kind !== 'email' && c.confidence >= 0.9);
  let next = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const cells: { text: string; at: number }[] = [];
    collect(CELL, line, (m) => cells.push({ text: m[0], at: lineStart + m.index }));
    const header = cells.findIndex((c) => /^(?:\S{0,4}姓名|户主|申请人|收款人)$/.test(c.text));
    while (next < strongNumbers.length && strongNumbers[next]!.start < lineStart) next += 1;
    const hasNumber = next < strongNumbers.length && strongNumbers[next]!.start < lineEnd;
    if (header >= 0 && cells.length >= 2) {
      nameColumn = header;
    } else if (cells.length === 0) {
      nameColumn = -1;
    } else {
      const inColumn = nameColumn >= 0 ? cells[nameColumn] : undefined;
      if (inColumn !== undefined && cells.length > 1 && looksLikeName(inColumn.text)) {
        out.push({
          kind: 'name',
          start: inColumn.at,
          end: inColumn.at + inColumn.text.length,
          confidence: 0.85,
        });
      } else if (hasNumber && cells.length > 1 && !PROSE.test(line)) {
        for (const cell of cells) {
          if (looksLikeName(cell.text)) {
            out.push({ kind: 'name', start: cell.at, end: cell.at + cell.text.length, confidence: 0.75 });
            break;
          }
        }
      }
    }
    lineStart = lineEnd + 1;
  }
}

const ADDRESS_END = /[,.;。，；\n\t]| {2}|电话|手机|联系|身份|邮编|邮政编码/;

function addresses(text: string, out: Candidate[]): void {
  collect(ADDRESS_LABEL, text, (m) => {
    const start = m.index + m[0].length;
    const rest = text.slice(start, start + 80);
    const stop = ADDRESS_END.exec(rest);
    const value = (stop ? rest.slice(0, stop.index) : rest).trimEnd();
    if (value.length < 4 || !HOUSE_DETAIL.test(value)) return;
    const confidence = m[0].startsWith('住所') ? 0.7 : 0.9;
    out.push({ kind: 'address', start, end: start + value.length, confidence });
  });
  for (let room = text.indexOf('室'); room !== -1; room = text.indexOf('室', room + 1)) {
    const from = Math.max(0, room + 1 - ROOM_WINDOW);
    const m = ROOM_ADDRESS.exec(text.slice(from, room + 1));
    if (m !== null) out.push({ kind: 'address', start: from + m.index, end: room + 1, confidence: 0.6 });
  }
}

function allowed(
  candidate: Candidate,
  value: string,
  allow: PersonalDataAllowList,
  phones: readonly string[],
): boolean {
  switch (candidate.kind) {
    case 'mobile':
    case 'landline':
      return phones.length > 0 && phoneAllowed(digitsOf(value), phones);
    case 'email': {
      const address = value.toLowerCase();
      return (allow.emails ?? []).some((entry) => {
        const e = entry.trim().toLowerCase();
        return e.startsWith('@') ? address.endsWith(e) : address === e;
      });
    }
    case 'address':
      return (allow.addresses ?? []).some((entry) => entry.includes(value) || value.includes(entry.trim()));
    case 'credit-code':
    case 'bank-card':
    case 'id-number': {
      const code = value.replace(/[\s-]/g, '').toUpperCase();
      return (allow.codes ?? []).some((entry) => entry.replace(/[\s-]/g, '').toUpperCase() === code);
    }
    case 'name':
      return false;
  }
}

/** Overlapping candidates: the surer one wins, then the longer, then the earlier. */
function resolve(candidates: Candidate[]): Candidate[] {
  const ranked = [...candidates].sort(
    (a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const candidate of ranked) {
    if (kept.every((k) => candidate.end <= k.start || candidate.start >= k.end)) kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Every piece of personal data in `text`, in order, with its place, kind, confidence and masked form. */
export function findPersonalData(text: string, options: FindOptions = {}): PersonalDataFinding[] {
  const normal = normalise(text);
  const allow = options.allow ?? {};
  const phones = (allow.phones ?? []).map(digitsOf).filter((d) => d.length >= 5);
  const rules = maskRules(options.masks);
  const numbers: Candidate[] = [];
  numberCandidates(normal, numbers);
  const candidates = [...numbers];
  labelledNames(normal, candidates);
  listNames(
    normal,
    numbers.filter((c) => c.kind === 'id-number' || c.kind === 'mobile' || c.kind === 'bank-card'),
    candidates,
  );
  addresses(normal, candidates);
  const kinds = options.kinds ? new Set(options.kinds) : null;
  const findings: PersonalDataFinding[] = [];
  for (const candidate of resolve(candidates)) {
    if (kinds && !kinds.has(candidate.kind)) continue;
    const value = text.slice(candidate.start, candidate.end);
    if (allowed(candidate, normal.slice(candidate.start, candidate.end), allow, phones)) continue;
    findings.push({ ...candidate, text: value, masked: maskValue(candidate.kind, value, rules) });
  }
  return findings;
}

/** The text with each finding replaced by its masked form (findings as `findPersonalData` returns them). */
export function applyMasks(text: string, findings: readonly PersonalDataFinding[]): string {
  let out = '';
  let at = 0;
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    if (finding.start < at) continue;
    out += text.slice(at, finding.start) + finding.masked;
    at = finding.end;
  }
  return out + text.slice(at);
}

/** One step: the text masked, and what was masked. */
export function maskPersonalData(
  text: string,
  options: FindOptions = {},
): { text: string; findings: PersonalDataFinding[] } {
  const findings = findPersonalData(text, options);
  return { text: applyMasks(text, findings), findings };
}
