import { publicApplicationInput, type PublicApplicationInput } from './application-input.js';
import { findAgencyByRef } from '../agencies/find-agency.js';
import type { PlatformDeps } from '../platform/platform.js';
import type { RegisteredApplication } from './register-application.js';
import { registerInNextCommit } from './submission-batch.js';
import { validate } from '../platform/validate.js';

/**
 * The public online channel (互联网渠道): anyone may submit to an agency. The receipt date is fixed only when the
 * office confirms it (条例第三十一条第三项), so the case starts awaiting confirmation. The audit trail names the
 * source as `public IP`. Submissions arriving together share one commit (submission-batch.ts); each is answered
 * only once it is durable.
 */
export async function submitPublicApplication(
  deps: PlatformDeps,
  agencyRef: string,
  raw: PublicApplicationInput,
  ip: string,
): Promise<RegisteredApplication> {
  const input = validate(publicApplicationInput, raw);
  const agency = await findAgencyByRef(deps.db, agencyRef);
  return registerInNextCommit(
    deps,
    agency,
    { ...input, channel: 'online' },
    {
      userId: null,
      label: 'public',
      source: `public ${ip}`,
    },
  );
}
