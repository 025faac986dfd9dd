import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getApplication } from '../../src/services/get-application.js';
import { listAgencies } from '../../src/services/list-agencies.js';
import type { Platform } from '../../src/services/platform.js';
import { cliOperator } from '../../src/services/principal.js';
import { recordApplicationEvent } from '../../src/services/record-application-event.js';
import { registerApplication } from '../../src/services/register-application.js';
import { seedDemo } from '../../src/services/seed-demo.js';
import { verifyAuditChain } from '../../src/services/verify-audit-chain.js';
import { databases, freshPlatform } from '../helpers/databases.js';
import { applicationInput, ids, staff } from '../support/applications.js';

describe.each(databases)('application intake and history on %s', (_name, fresh) => {
  let platform: Platform;
  let close: () => Promise<void>;
  let clock: { now: Date };
  let agency: Record<string, string>;

  beforeAll(async () => {
    ({ platform, close, clock } = await freshPlatform(fresh));
    await seedDemo(platform);
    agency = Object.fromEntries((await listAgencies(platform, cliOperator)).map((a) => [a.code, a.id]));
    clock.now = new Date('2026-03-02T02:00:00Z'); // Monday 10:00 in Beijing
  });
  afterAll(() => close());

  it('registers with a tracking number and query code, and replays the clock', async () => {
    const registrar = staff({ role: 'registrar', agencyId: agency['demo-education']! });
    const result = await registerApplication(platform, registrar, applicationInput('demo-education'));
    expect(result.record.trackingNumber).toBe('DEMO-EDUCATION-2026-00001');
    expect(result.queryCode).toMatch(/^[A-Z2-9]{10}$/);
    expect(result.record.status).toBe('processing');
    expect(result.record.receivedOn).toBe('2026-03-02');
    expect(result.record.dueOn).toBe('2026-03-30');
    const view = await getApplication(platform, registrar, result.record.trackingNumber);
    expect(view.clock.due).toBe('2026-03-30');
    expect(view.daysLeft).toBe(20);
    expect(view.events.map((e) => e.event.type)).toEqual(['registered']);

    const answered = await recordApplicationEvent(platform, registrar, result.record.id, {
      type: 'answered',
      date: '2026-03-02',
      outcome: 'disclosed',
      legalGround: '条例第三十六条第二项',
    });
    expect(answered.state.status).toBe('answered');
    expect(answered.record.outcome).toBe('disclosed');
    await expect(
      recordApplicationEvent(platform, registrar, result.record.id, {
        type: 'correctionReceived',
        date: '2026-03-02',
      }),
    ).rejects.toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
    expect((await verifyAuditChain(platform)).ok).toBe(true);
  });

  it('hides cases outside the caller scope and checks identity numbers', async () => {
    const other = staff({ role: 'registrar', agencyId: agency['demo-subdistrict']! });
    await expect(getApplication(platform, other, 'DEMO-EDUCATION-2026-00001')).rejects.toMatchObject({
      code: 'APPLICATION_NOT_FOUND',
    });
    const bad = applicationInput('demo-education');
    bad.applicant = { ...bad.applicant, identityNumber: ids.person.replace('X', '1') };
    await expect(registerApplication(platform, cliOperator, bad)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
