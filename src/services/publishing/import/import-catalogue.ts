/**
 * Use case: bring an existing catalogue in (issue 13 item 6) — documents with their 索引号 and metadata from a CSV
 * or XLSX export of a vendor CMS, their attachments from a folder or a ZIP. Each row becomes a published document
 * (first event `imported`, naming the file and line: it was published before Gongkai kept the register, so it has
 * no review history here), its 索引号 kept (the agency's counter raised past it when it follows the agency's
 * template), its attachments taken in like any other (type by content, text, personal-data findings).
 *
 * A row with any problem is refused alone, with its line and every reason; a row is imported whole or not at
 * all (document, version, attachments and event in one transaction with the others), so nothing is half-imported.
 * A dry run reads and checks everything, attachments included, and stores nothing.
 */
import { randomUUID } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Agency } from '../../../core/agency.js';
import { yearOf, type IsoDate } from '../../../core/calendar/date.js';
import { beijingDate } from '../../applications/case-calendar.js';
import { DomainError, isDomainError } from '../../../core/errors.js';
import {
  art20ItemLabels,
  art20Items,
  genreLabels,
  genres,
  type Art20Item,
} from '../../../core/publishing/genres.js';
import { parseIndexTemplate, renderIndexNumber } from '../../../core/publishing/index-number.js';
import {
  disclosureLabels,
  disclosureAttributes,
  validityLabels,
  validityStatuses,
  type DocumentMetadata,
} from '../../../core/publishing/record.js';
import { subjectCategories } from '../../../core/publishing/subjects.js';
import { documentNumberKey } from '../../../core/publishing/validate-record.js';
import { applyDocumentEvent } from '../../../core/publishing/workflow.js';
import { readZipEntry, zipEntries } from '../../../readers/docx/zip.js';
import { agenciesRepository } from '../../../storage/agencies-repository.js';
import { documentAttachmentsRepository } from '../../../storage/publishing/document-attachments-repository.js';
import { documentsRepository } from '../../../storage/publishing/documents-repository.js';
import { auditActorOf, type Principal } from '../../accounts/principal.js';
import { withAudit } from '../../audit/audit-trail.js';
import type { PlatformDeps } from '../../platform/platform.js';
import { authorDocumentRoles, inScope, scopeOf } from '../../policies/access.js';
import { validate } from '../../platform/validate.js';
import { completeMetadata, checkDocumentMetadata } from '../create-document.js';
import { documentMetadataInput } from '../document-input.js';
import { indexCodeOf, settingsOf } from '../publishing-settings.js';
import { sanitizeBodyHtml } from '../body-html.js';
import { bodyFromText } from '../body.js';
import { cleanFileName, intakeAttachment, type IntakenAttachment } from '../attachments/intake.js';
import type { AttachmentExtractor } from '../attachments/pool.js';
import { readTableFile } from './table-file.js';

/** Where the attachments named in the table are. */
export type AttachmentSource =
  { kind: 'folder'; path: string } | { kind: 'zip'; name: string; bytes: Uint8Array } | { kind: 'none' };

export interface CatalogueImportInput {
  table: { name: string; bytes: Uint8Array };
  attachments?: AttachmentSource;
  /** The agency of rows without a 机关代码 column (id or code). */
  agency?: string;
  dryRun?: boolean;
}

export interface CatalogueImportOptions {
  extractor: AttachmentExtractor;
}

export interface ImportReason {
  field: string;
  zh: string;
  en: string;
}

export interface CatalogueImportResult {
  dryRun: boolean;
  /** Rows imported (or that would be), with the 索引号 they have. */
  accepted: {
    line: number;
    indexNumber: string | null;
    title: string;
    attachments: number;
    personalData: number;
  }[];
  refused: { line: number; reasons: ImportReason[] }[];
}

type Column =
  | 'agency'
  | 'indexNumber'
  | 'title'
  | 'documentNumber'
  | 'issuer'
  | 'writtenOn'
  | 'publishedOn'
  | 'subject'
  | 'genre'
  | 'item'
  | 'disclosure'
  | 'validity'
  | 'effectiveOn'
  | 'expiresOn'
  | 'repealedOn'
  | 'changedBy'
  | 'keywords'
  | 'summary'
  | 'body'
  | 'attachments';

/** Header names (spaces ignored) each column may have in an export. */
const HEADERS: Record<Column, RegExp> = {
  agency: /^(?:机关代码|单位代码|agency)$/i,
  indexNumber: /^(?:索引号|indexnumber)$/i,
  title: /^(?:标题|名称|信息名称|文件名称|title)$/i,
  documentNumber: /^(?:文号|发文字号|documentnumber)$/i,
  issuer: /^(?:发布机构|发文机关|发布机关|issuer)$/i,
  writtenOn: /^(?:成文日期|生成日期|writtenon)$/i,
  publishedOn: /^(?:发布日期|公开日期|发布时间|publishedon)$/i,
  subject: /^(?:主题分类|subject)$/i,
  genre: /^(?:体裁|文种|genre)$/i,
  item: /^(?:公开事项|第二十条事项|信息类别|类别|art20item)$/i,
  disclosure: /^(?:公开属性|公开方式|disclosure)$/i,
  validity: /^(?:有效性|validity)$/i,
  effectiveOn: /^(?:施行日期|生效日期|effectiveon)$/i,
  expiresOn: /^(?:失效日期|有效期至|expireson)$/i,
  repealedOn: /^(?:废止日期|repealedon)$/i,
  changedBy: /^(?:废止或修改依据|废止依据|修改依据|changedby)$/i,
  keywords: /^(?:关键词|主题词|keywords)$/i,
  summary: /^(?:内容概述|摘要|summary)$/i,
  body: /^(?:正文|内容|body)$/i,
  attachments: /^(?:附件|attachments)$/i,
};

const LABELS: Record<Column, string> = {
  agency: '机关代码',
  indexNumber: '索引号',
  title: '标题',
  documentNumber: '文号',
  issuer: '发布机构',
  writtenOn: '成文日期',
  publishedOn: '发布日期',
  subject: '主题分类',
  genre: '体裁',
  item: '公开事项',
  disclosure: '公开属性',
  validity: '有效性',
  effectiveOn: '施行日期',
  expiresOn: '失效日期',
  repealedOn: '废止日期',
  changedBy: '废止或修改依据',
  keywords: '关键词',
  summary: '内容概述',
  body: '正文',
  attachments: '附件',
};

const REQUIRED: Column[] = ['title', 'publishedOn', 'subject', 'genre', 'item'];

function invalidFile(name: string, zh: string, en: string): DomainError {
  return new DomainError('IMPORT_INVALID', `“${name}”：${zh}`, `“${name}”: ${en}`);
}

/** A label, key or 主题分类 path/name/id → the enum key; `undefined` when unknown. */
function lookup<K extends string>(
  value: string,
  keys: readonly K[],
  labels: Record<K, { zh: string; en: string }>,
): K | undefined {
  const v = value.replace(/\s/g, '');
  return keys.find(
    (k) =>
      k === v ||
      labels[k].zh.replace(/\s/g, '') === v ||
      labels[k].zh.replace(/^（[^）]*）/, '').replace(/（[^）]*）$/, '') === v ||
      labels[k].en.toLowerCase() === v.toLowerCase(),
  );
}

/**
 * A 第二十条 item as catalogues write it: its key, its label, its numbering alone (（十一）, 第二十条第（十一）项) or
 * with a word of the label (（十一）教育), or the name of its kind (规章, 行政规范性文件, 政策解读).
 */
function art20ItemOf(value: string): Art20Item | undefined {
  const v = value
    .replace(/\s/g, '')
    .replace(/^第二十条第?/, '')
    .replace(/项$/, '');
  const exact = lookup(v, art20Items, art20ItemLabels);
  if (exact) return exact;
  const numbered = /^([（(][一二三四五六七八九十]+[）)])(.*)$/.exec(v);
  const number = numbered?.[1]?.replace('(', '（').replace(')', '）');
  const rest = numbered ? numbered[2]! : v;
  const candidates = art20Items.filter((item) => {
    const label = art20ItemLabels[item].zh;
    if (number && !label.startsWith(number)) return false;
    return rest === '' || label.includes(rest);
  });
  return candidates.length === 1 ? candidates[0] : undefined;
}

function subjectIdOf(value: string): string | undefined {
  const v = value.replace(/\s/g, '').replace(/[/／]/g, '\\');
  return subjectCategories.find((c) => c.id === v || c.path === v || (c.parentId !== null && c.label === v))
    ?.id;
}

/** YYYY-MM-DD from the ways exports write dates (2024-03-05, 2024/3/5, 2024年3月5日, 2024.03.05). */
function dateOf(value: string): IsoDate | null | 'invalid' {
  const v = value.trim();
  if (v === '') return null;
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(v);
  if (!m) return 'invalid';
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? 'invalid' : (iso as IsoDate);
}

/** The names listed in an 附件 cell. */
function attachmentNames(value: string): string[] {
  return value
    .split(/[;；|\n、]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Reads attachments by name from a folder or a ZIP (guarded unzip: one entry inflated at a time, size-bounded). */
class AttachmentFiles {
  private readonly zip: Map<
    string,
    ReturnType<typeof zipEntries> extends Map<string, infer E> ? E : never
  > | null;
  private folderNames: Map<string, string> | null = null;

  constructor(private readonly source: AttachmentSource) {
    if (source.kind === 'zip') {
      const entries = zipEntries(source.bytes, source.name);
      this.zip = new Map();
      for (const [name, entry] of entries) {
        if (name.endsWith('/')) continue;
        this.zip.set(name, entry);
        this.zip.set(basename(name), entry);
      }
    } else this.zip = null;
  }

  /** The bytes of a named attachment, or null when the source has no such file. */
  async read(name: string): Promise<Uint8Array | null> {
    const wanted = name.replace(/\\/g, '/');
    if (this.source.kind === 'zip') {
      const entry = this.zip!.get(wanted) ?? this.zip!.get(basename(wanted));
      return entry ? readZipEntry(this.source.bytes, entry, this.source.name) : null;
    }
    if (this.source.kind === 'folder') {
      const folder = this.source.path;
      // Only names inside the folder: no paths that climb out of it.
      if (wanted.split('/').includes('..')) return null;
      const direct = join(folder, wanted);
      if (await isFile(direct)) return new Uint8Array(await readFile(direct));
      this.folderNames ??= new Map((await readdir(folder)).map((n) => [n.normalize('NFC'), n]));
      const found = this.folderNames.get(basename(wanted).normalize('NFC'));
      return found ? new Uint8Array(await readFile(join(folder, found))) : null;
    }
    return null;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The (year, seq) an 索引号 has when it follows the agency's template, so its counter is raised past it. */
function templateSeq(
  indexNumber: string,
  template: string,
  code: string,
): { year: number; seq: number } | null {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  let pattern = '';
  for (const part of parseIndexTemplate(template)) {
    if (part.kind === 'text') pattern += escape(part.text);
    else if (part.kind === 'code') pattern += escape(code);
    else if (part.kind === 'year') pattern += '(?<year>\\d{4})';
    else pattern += '(?<seq>\\d+)';
  }
  const m = new RegExp(`^${pattern}$`).exec(indexNumber);
  return m?.groups ? { year: Number(m.groups.year), seq: Number(m.groups.seq) } : null;
}

interface PreparedRow {
  line: number;
  agency: Agency;
  metadata: DocumentMetadata;
  publishedOn: IsoDate;
  indexNumber: string | null;
  body: { html: string; text: string };
  attachments: { taken: IntakenAttachment; bytes: Uint8Array }[];
}

function reasonsOf(error: unknown, fallbackField: string): ImportReason[] {
  if (isDomainError(error)) {
    const details = error.details as { issues?: { field?: string; zh?: string; en?: string }[] } | undefined;
    if (details?.issues?.length && details.issues.every((i) => i.zh)) {
      return details.issues.map((i) => ({ field: i.field ?? fallbackField, zh: i.zh!, en: i.en ?? i.zh! }));
    }
    return [{ field: fallbackField, zh: error.messageZh, en: error.messageEn }];
  }
  throw error;
}

/** Imports a catalogue; see the module comment. */
export async function importCatalogue(
  deps: PlatformDeps,
  principal: Principal,
  input: CatalogueImportInput,
  options: CatalogueImportOptions,
): Promise<CatalogueImportResult> {
  const table = await readTableFile(input.table.bytes, input.table.name, { maxRows: 100_000 });
  const columns = {} as Record<Column, number>;
  for (const column of Object.keys(HEADERS) as Column[]) {
    const at = table.headers.findIndex((h) => HEADERS[column].test(h.replace(/\s/g, '')));
    if (at >= 0) columns[column] = at;
  }
  const missing = REQUIRED.filter((c) => columns[c] === undefined).map((c) => LABELS[c]);
  if (columns.agency === undefined && !input.agency) missing.unshift(LABELS.agency);
  if (missing.length > 0) {
    throw invalidFile(
      input.table.name,
      `缺少列：${missing.join('、')}`,
      `lacks the columns ${missing.join(', ')}`,
    );
  }
  const files = new AttachmentFiles(input.attachments ?? { kind: 'none' });
  const tree = await agenciesRepository.listAll(deps.db);
  const authorScope = scopeOf(principal, tree, authorDocumentRoles);
  const readScope = scopeOf(principal, tree);
  const byRef = new Map(tree.flatMap((a) => [[a.code, a] as const, [a.id, a] as const]));
  const today = beijingDate(deps.clock());

  const prepared: PreparedRow[] = [];
  const refused: CatalogueImportResult['refused'] = [];
  const seenIndex = new Map<string, number>();

  for (const row of table.rows) {
    const reasons: ImportReason[] = [];
    const cell = (c: Column) => (columns[c] === undefined ? '' : (row.cells[columns[c]] ?? '').trim());
    const reason = (field: Column, zh: string, en: string) => reasons.push({ field: LABELS[field], zh, en });
    try {
      const ref = cell('agency') || input.agency || '';
      const agency = byRef.get(ref);
      if (!agency || !inScope(readScope, agency.id)) {
        reason('agency', `没有机关“${ref}”`, `no agency “${ref}”`);
        refused.push({ line: row.line, reasons });
        continue;
      }
      if (!inScope(authorScope, agency.id)) {
        reason(
          'agency',
          `无权为“${agency.name}”登记文件`,
          `not allowed to register documents of “${agency.name}”`,
        );
      }
      const date = (c: Column) => {
        const d = dateOf(cell(c));
        if (d === 'invalid') {
          reason(c, `${LABELS[c]}不是有效日期：“${cell(c)}”`, `${c} is not a valid date: “${cell(c)}”`);
          return null;
        }
        return d;
      };
      const publishedOn = date('publishedOn');
      if (publishedOn === null && cell('publishedOn') === '')
        reason('publishedOn', '发布日期为空', 'the publication date is empty');
      if (publishedOn && publishedOn > today) {
        reason(
          'publishedOn',
          `发布日期 ${publishedOn} 在今天之后`,
          `the publication date ${publishedOn} is in the future`,
        );
      }
      const enumOf = <K extends string>(
        c: Column,
        keys: readonly K[],
        labels: Record<K, { zh: string; en: string }>,
        fallback?: K,
      ) => {
        const value = cell(c);
        if (value === '' && fallback) return fallback;
        const key = lookup(value, keys, labels);
        if (!key) {
          const allowed = keys.map((k) => labels[k].zh).join('、');
          reason(c, `${LABELS[c]}无法识别：“${value}”（可用：${allowed}）`, `unknown ${c}: “${value}”`);
        }
        return key;
      };
      const genre = enumOf('genre', genres, genreLabels);
      const art20Item = art20ItemOf(cell('item'));
      if (!art20Item) {
        reason(
          'item',
          `公开事项无法识别：“${cell('item')}”（写第二十条的项号，如“（十一）”，或“规章”“行政规范性文件”“政策解读”）`,
          `unknown Art. 20 item: “${cell('item')}” (write its number, e.g. （十一）, or 规章, 行政规范性文件, 政策解读)`,
        );
      }
      const disclosure = enumOf('disclosure', disclosureAttributes, disclosureLabels, 'proactive');
      const validity = enumOf('validity', validityStatuses, validityLabels, 'notApplicable');
      if (disclosure && disclosure !== 'proactive') {
        reason(
          'disclosure',
          `只导入主动公开的信息（本行为“${disclosureLabels[disclosure].zh}”）`,
          `only proactively disclosed information is imported (this row is “${disclosureLabels[disclosure].en}”)`,
        );
      }
      const subjectId = subjectIdOf(cell('subject'));
      if (!subjectId)
        reason(
          'subject',
          `主题分类无法识别：“${cell('subject')}”`,
          `unknown subject category: “${cell('subject')}”`,
        );
      const writtenOn = date('writtenOn');
      const effectiveOn = date('effectiveOn');
      const expiresOn = date('expiresOn');
      const repealedOn = date('repealedOn');
      const indexNumber = cell('indexNumber') || null;
      if (indexNumber) {
        const earlier = seenIndex.get(indexNumber);
        if (earlier !== undefined)
          reason('indexNumber', `索引号与第 ${earlier} 行重复`, `index number repeats line ${earlier}`);
        else seenIndex.set(indexNumber, row.line);
        if (await documentsRepository.findByIndexNumber(deps.db, indexNumber)) {
          reason(
            'indexNumber',
            `索引号“${indexNumber}”已有文件`,
            `a document already has the index number “${indexNumber}”`,
          );
        }
      }
      // Attachments: every one named must be found and accepted, or the row is refused.
      const attachments: PreparedRow['attachments'] = [];
      for (const name of attachmentNames(cell('attachments'))) {
        const bytes = await files.read(name);
        if (bytes === null) {
          reason(
            'attachments',
            `找不到附件“${name}”`,
            `the attachment “${name}” is not in the folder or ZIP`,
          );
          continue;
        }
        try {
          const taken = await intakeAttachment(
            { name: cleanFileName(name), bytes },
            { extractor: options.extractor },
          );
          attachments.push({ taken, bytes });
        } catch (error) {
          reasons.push(...reasonsOf(error, LABELS.attachments));
        }
      }
      if (
        reasons.length > 0 ||
        !genre ||
        !art20Item ||
        !disclosure ||
        !validity ||
        !subjectId ||
        !publishedOn
      ) {
        refused.push({ line: row.line, reasons });
        continue;
      }
      const keywords = cell('keywords')
        .split(/[;；,，、\s]+/)
        .filter((k) => k !== '');
      const changedBy = cell('changedBy');
      let metadata: DocumentMetadata;
      try {
        const parsed = validate(documentMetadataInput, {
          title: cell('title'),
          documentNumber: cell('documentNumber') || null,
          ...(cell('issuer') ? { issuer: cell('issuer') } : {}),
          writtenOn,
          subjectId,
          genre,
          art20Item,
          disclosure: {
            attribute: disclosure,
            ...(disclosure === 'proactive'
              ? {}
              : { reason: '原有目录导入时已确定 / decided in the original catalogue' }),
          },
          validity: {
            status: validity,
            effectiveOn,
            expiresOn,
            repealedOn,
            changedBy: changedBy ? { documentId: null, documentNumber: changedBy } : null,
          },
          keywords: keywords.slice(0, 20),
          summary: cell('summary') || null,
        });
        metadata = completeMetadata(parsed, agency, publishedOn);
        await checkDocumentMetadata(
          deps.db,
          agency,
          await settingsOf(deps.db, agency),
          metadata,
          publishedOn,
        );
      } catch (error) {
        refused.push({ line: row.line, reasons: reasonsOf(error, '元数据') });
        continue;
      }
      const rawBody = cell('body');
      const body = /<[a-z][^>]*>/i.test(rawBody) ? sanitizeBodyHtml(rawBody) : bodyFromText(rawBody);
      prepared.push({ line: row.line, agency, metadata, publishedOn, indexNumber, body, attachments });
    } catch (error) {
      refused.push({ line: row.line, reasons: [...reasons, ...reasonsOf(error, '行')] });
    }
  }

  const summary = (p: PreparedRow, indexNumber: string | null) => ({
    line: p.line,
    indexNumber,
    title: p.metadata.title,
    attachments: p.attachments.length,
    personalData: p.attachments.reduce((n, a) => n + a.taken.personalData.length, 0),
  });
  if (input.dryRun || prepared.length === 0) {
    return {
      dryRun: input.dryRun ?? false,
      accepted: prepared.map((p) => summary(p, p.indexNumber)),
      refused,
    };
  }
  const accepted = await withAudit(deps, principal, async (trx, record) => {
    const out: CatalogueImportResult['accepted'] = [];
    for (const p of prepared) {
      const settings = await settingsOf(trx, p.agency);
      const scope = indexCodeOf(p.agency, settings);
      let indexScope: string;
      let indexYear: number;
      let indexSeq: number;
      let indexNumber = p.indexNumber;
      const own = indexNumber ? templateSeq(indexNumber, settings.indexTemplate, scope) : null;
      if (own) {
        // One of the agency's own numbers: keep it, and never hand it out again.
        await documentsRepository.raiseIndexSeq(trx, scope, own.year, own.seq);
        [indexScope, indexYear, indexSeq] = [scope, own.year, own.seq];
      } else if (indexNumber) {
        // Another scheme (the old CMS's): kept as it is, under a scope of its own.
        indexScope = `import:${scope}`.slice(0, 40);
        indexYear = yearOf(p.publishedOn);
        indexSeq = await documentsRepository.nextIndexSeq(trx, indexScope, indexYear);
      } else {
        indexScope = scope;
        indexYear = yearOf(p.publishedOn);
        indexSeq = await documentsRepository.nextIndexSeq(trx, scope, indexYear);
        indexNumber = renderIndexNumber(settings.indexTemplate, {
          agencyCode: scope,
          year: indexYear,
          seq: indexSeq,
        });
      }
      const at = deps.clock().toISOString();
      const by = principal.kind === 'staff' ? principal.userId : auditActorOf(principal).label;
      const event = {
        type: 'imported' as const,
        at,
        by,
        version: 1,
        publishedOn: p.publishedOn,
        source: `${input.table.name}#${p.line}`,
      };
      applyDocumentEvent(null, event);
      const id = randomUUID();
      await documentsRepository.insert(trx, {
        record: {
          id,
          agencyId: p.agency.id,
          indexNumber: indexNumber!,
          metadata: p.metadata,
          status: 'published',
          currentVersion: 1,
          publishedVersion: 1,
          publishedOn: p.publishedOn,
          publishedAt: `${p.publishedOn}T00:00:00.000Z`,
          scheduledAt: null,
          dueOn: null,
          createdBy: auditActorOf(principal).label,
          createdAt: at,
          updatedAt: at,
        },
        indexScope,
        indexYear,
        indexSeq,
        documentNumberKey: documentNumberKey(p.metadata.documentNumber),
        eventCount: 1,
      });
      await documentsRepository.insertVersion(trx, {
        documentId: id,
        version: 1,
        metadata: p.metadata,
        bodyHtml: p.body.html,
        bodyText: p.body.text,
        frozen: false,
        createdAt: at,
        createdBy: by,
        updatedAt: at,
      });
      let position = 0;
      for (const { taken, bytes } of p.attachments) {
        await documentAttachmentsRepository.putBlob(trx, taken.sha256, bytes);
        await documentAttachmentsRepository.insert(trx, {
          id: randomUUID(),
          documentId: id,
          version: 1,
          position: (position += 1),
          name: taken.name,
          mediaType: taken.mediaType,
          sizeBytes: taken.size,
          sha256: taken.sha256,
          textContent: taken.text || null,
          details: {
            intake: 'content',
            kind: taken.kind,
            textLayer: taken.textLayer,
            personalData: taken.personalData.map((f) => ({
              kind: f.kind,
              start: f.start,
              end: f.end,
              confidence: f.confidence,
              masked: f.masked,
            })),
            blocksApproval: false,
            imported: true,
          },
          createdAt: at,
          createdBy: by,
        });
      }
      // Versions of imported documents are frozen like any published version.
      await documentsRepository.freezeVersion(trx, id, 1);
      await documentsRepository.appendEvent(trx, id, {
        seq: 1,
        event,
        actor: auditActorOf(principal).label,
        actorUserId: principal.kind === 'staff' ? principal.userId : null,
        recordedAt: at,
      });
      record({
        action: 'document.create',
        entityType: 'document',
        entityId: id,
        agencyId: p.agency.id,
        before: null,
        after: {
          indexNumber,
          source: event.source,
          title: p.metadata.title,
          attachments: p.attachments.length,
        },
      });
      out.push(summary(p, indexNumber));
    }
    return out;
  });
  return { dryRun: false, accepted, refused };
}
