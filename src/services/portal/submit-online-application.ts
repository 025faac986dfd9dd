import { createHash } from 'node:crypto';
import { DomainError } from '../../core/errors.js';
import { addDays } from '../../core/calendar/date.js';
import { applicationsRepository } from '../../storage/applications-repository.js';
import { portalRepository } from '../../storage/portal-repository.js';
import { publicApplicationInput, type PublicApplicationInput } from '../applications/application-input.js';
import { beijingDate } from '../applications/case-calendar.js';
import { applicantKeyOf, type RegisteredApplication } from '../applications/register-application.js';
import { submitPublicApplication } from '../applications/submit-public-application.js';
import type { PlatformDeps } from '../platform/platform.js';
import { validate } from '../platform/validate.js';

/** Online applications one identity may file at one agency within a day and the day before (a flood guard). */
export const DEFAULT_PER_IDENTITY_PER_DAY = 5;

/**
 * The portal's application form: the public submission, with a per-identity limit on top of the per-address one
 * (routes): the same identity number cannot flood an office from many addresses. A re-sent form (same key) is
 * never refused: it shows the receipt of the case it filed.
 */
export async function submitOnlineApplication(
  deps: PlatformDeps,
  agencyId: string,
  raw: PublicApplicationInput,
  ip: string,
  perIdentityPerDay = DEFAULT_PER_IDENTITY_PER_DAY,
): Promise<RegisteredApplication> {
  const input = validate(publicApplicationInput, raw);
  const since = addDays(beijingDate(deps.clock()), -1);
  const recent = await portalRepository.countOnlineSince(
    deps.db,
    agencyId,
    applicantKeyOf(input.applicant),
    since,
  );
  if (recent >= perIdentityPerDay) {
    const result = await submitPublicApplicationIfReplay(deps, agencyId, raw, ip);
    if (result) return result;
    throw new DomainError(
      'RATE_LIMITED',
      `同一身份证明今天已在线提交 ${recent} 件申请，已达上限。请明天再提交，或到受理机构现场、以信函方式提交。`,
      `This identity has filed ${recent} applications online today, the most allowed. Submit tomorrow, or in person or by post.`,
    );
  }
  return submitPublicApplication(deps, agencyId, raw, ip);
}

/** The receipt of a form already filed (its key), or null: a re-send is answered even over the limit. */
async function submitPublicApplicationIfReplay(
  deps: PlatformDeps,
  agencyId: string,
  raw: PublicApplicationInput,
  ip: string,
): Promise<RegisteredApplication | null> {
  if (!raw.idempotencyKey) return null;
  // The same key hash intake stores (register-application.ts).
  const hash = createHash('sha256').update(`key:${raw.idempotencyKey}`, 'utf8').digest('hex');
  const existing = await applicationsRepository.findByIdempotency(deps.db, agencyId, hash);
  return existing ? submitPublicApplication(deps, agencyId, raw, ip) : null;
}
