/**
 * The attachment intake the publishing service plugs in (`useAttachmentIntake(contentIntake(extractor))` in
 * services/publishing/document-attachments.ts): type checked by content, text extracted in a worker, and the
 * personal-data findings stored in `details`. An attachment with findings, or a scanned PDF whose text could not
 * be read (nothing was checked, and scanned lists are where most leaks are), sets `blocksApproval`, so a review
 * step cannot approve the version until it is replaced or a reviewer overrides it with a reason. Images do not
 * block by default (photos of events are common); `unreadableBlocks: 'all'` makes them block too.
 */
import type { AttachmentLimits } from '../../../core/publishing/intake-limits.js';
import type { MaskRules, PersonalDataAllowList } from '../../../core/publishing/personal-data/index.js';
import type { AttachmentIntake } from '../attachment-intake.js';
import { intakeAttachment } from './intake.js';
import type { AttachmentExtractor } from './pool.js';

export interface ContentIntakeOptions {
  limits?: Partial<AttachmentLimits>;
  /** Public contacts that are never findings (e.g. every agency's 指南 phones). */
  allow?: PersonalDataAllowList;
  masks?: Partial<MaskRules>;
  /** Which attachments without readable text block approval: scanned PDFs (default), all (images too), none. */
  unreadableBlocks?: 'scans' | 'all' | 'none';
}

/** Findings kept in `details`: kind, place, confidence and masked form — never the personal data itself. */
export interface StoredFinding {
  kind: string;
  start: number;
  end: number;
  confidence: number;
  masked: string;
}

export function contentIntake(
  extractor: AttachmentExtractor,
  options: ContentIntakeOptions = {},
): AttachmentIntake {
  return {
    async inspect(name, bytes, context) {
      // The agency's own public numbers (from the call) join the ones the intake was set up with.
      const allow = context ? mergeAllowLists(options.allow, context.allow) : options.allow;
      const taken = await intakeAttachment(
        { name, bytes },
        { extractor, limits: options.limits, allow, masks: options.masks },
      );
      const findings: StoredFinding[] = taken.personalData.map((f) => ({
        kind: f.kind,
        start: f.start,
        end: f.end,
        confidence: f.confidence,
        masked: f.masked,
      }));
      const rule = options.unreadableBlocks ?? 'scans';
      const unreadable = !taken.textLayer && (rule === 'all' || (rule === 'scans' && taken.kind === 'pdf'));
      return {
        mediaType: taken.mediaType,
        text: taken.text || null,
        details: {
          intake: 'content',
          kind: taken.kind,
          pages: taken.pages,
          textLayer: taken.textLayer,
          truncated: taken.truncated,
          personalData: findings,
          blocksApproval: findings.length > 0 || unreadable,
          ...(unreadable
            ? { blocksBecause: 'no-text' }
            : findings.length > 0
              ? { blocksBecause: 'personal-data' }
              : {}),
        },
      };
    },
  };
}

/** Both allow lists in one (either may be absent). */
function mergeAllowLists(
  a: PersonalDataAllowList | undefined,
  b: PersonalDataAllowList | undefined,
): PersonalDataAllowList | undefined {
  if (!a) return b;
  if (!b) return a;
  return {
    phones: [...(a.phones ?? []), ...(b.phones ?? [])],
    emails: [...(a.emails ?? []), ...(b.emails ?? [])],
    addresses: [...(a.addresses ?? []), ...(b.addresses ?? [])],
    codes: [...(a.codes ?? []), ...(b.codes ?? [])],
  };
}
