import { describe, expect, it } from 'vitest';
import type { DocumentEvent, ReviewChecklist } from './events.js';
import { DEFAULT_REVIEW_CHAIN } from './settings.js';
import { applyDocumentEvent, replayDocument, type DocumentState } from './workflow.js';

const clear: ReviewChecklist = {
  stateSecret: 'clear',
  workSecret: 'clear',
  commercialSecret: 'clear',
  personalPrivacy: 'clear',
  aggregationRisk: 'clear',
  needsInterpretation: false,
};
let minute = 0;
const at = () => `2026-03-02T02:${String((minute += 1) % 60).padStart(2, '0')}:00.000Z`;
const review = (
  by: string,
  step: number,
  extra: Partial<DocumentEvent & { type: 'reviewed' }> = {},
): DocumentEvent => ({
  type: 'reviewed',
  at: at(),
  by,
  step,
  decision: 'approve',
  checklist: clear,
  comment: '',
  selfApproval: false,
  warnings: [],
  ...extra,
});

function approved(): DocumentState {
  minute = 0;
  return replayDocument([
    { type: 'drafted', at: at(), by: 'a', version: 1 },
    { type: 'submitted', at: at(), by: 'a', version: 1, chain: DEFAULT_REVIEW_CHAIN },
    review('r1', 0),
    review('r2', 1),
    review('r3', 2),
  ]);
}

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return 'accepted';
};

describe('publishing workflow', () => {
  it('runs draft → three steps → approved → published → revised → published', () => {
    let s = approved();
    expect(s.status).toBe('approved');
    s = applyDocumentEvent(s, {
      type: 'published',
      at: at(),
      by: 'a',
      version: 1,
      publishedOn: '2026-03-02',
      together: [],
    });
    expect([s.status, s.publishedVersion]).toEqual(['published', 1]);
    s = applyDocumentEvent(s, { type: 'revisionStarted', at: at(), by: 'a', version: 2, reason: '更正' });
    expect([s.status, s.currentVersion, s.publishedVersion]).toEqual(['draft', 2, 1]);
    expect(
      code(() =>
        applyDocumentEvent(s, {
          type: 'published',
          at: at(),
          by: 'a',
          version: 2,
          publishedOn: '2026-03-02',
          together: [],
        }),
      ),
    ).toBe('TRANSITION_NOT_ALLOWED');
  });
  it('refuses every shortcut', () => {
    const s = approved();
    const published = applyDocumentEvent(s, {
      type: 'published',
      at: at(),
      by: 'a',
      version: 1,
      publishedOn: '2026-03-02',
      together: [],
    });
    expect(
      code(() =>
        applyDocumentEvent(published, { type: 'edited', at: at(), by: 'a', version: 1, fields: ['title'] }),
      ),
    ).toBe('DOCUMENT_NOT_EDITABLE');
    minute = 0;
    const inReview = replayDocument([
      { type: 'drafted', at: at(), by: 'a', version: 1 },
      { type: 'submitted', at: at(), by: 'a', version: 1, chain: DEFAULT_REVIEW_CHAIN },
    ]);
    expect(code(() => applyDocumentEvent(inReview, review('r1', 1)))).toBe('TRANSITION_NOT_ALLOWED');
    expect(code(() => applyDocumentEvent(inReview, review('a', 0)))).toBe('TRANSITION_NOT_ALLOWED');
    expect(
      code(() =>
        applyDocumentEvent(inReview, review('a', 0, { selfApproval: true }), { allowSelfApproval: false }),
      ),
    ).toBe('TRANSITION_NOT_ALLOWED');
    expect(
      applyDocumentEvent(inReview, review('a', 0, { selfApproval: true }), { allowSelfApproval: true }).step,
    ).toBe(1);
    expect(
      code(() =>
        applyDocumentEvent(inReview, {
          type: 'published',
          at: at(),
          by: 'a',
          version: 1,
          publishedOn: '2026-03-02',
          together: [],
        }),
      ),
    ).toBe('TRANSITION_NOT_ALLOWED');
    expect(
      code(() =>
        applyDocumentEvent(inReview, review('r1', 0, { checklist: { ...clear, workSecret: 'unsure' } })),
      ),
    ).toBe('TRANSITION_NOT_ALLOWED');
  });
  it('waits on a referral and resumes or returns on its answer', () => {
    minute = 0;
    const referred = replayDocument([
      { type: 'drafted', at: at(), by: 'a', version: 1 },
      { type: 'submitted', at: at(), by: 'a', version: 1, chain: DEFAULT_REVIEW_CHAIN },
      {
        type: 'referred',
        at: at(),
        by: 'r1',
        step: 0,
        authority: 'competentAuthority',
        authorityName: '区司法局',
        question: '?',
      },
    ]);
    expect(referred.status).toBe('referred');
    expect(code(() => applyDocumentEvent(referred, review('r1', 0)))).toBe('TRANSITION_NOT_ALLOWED');
    const no = applyDocumentEvent(referred, {
      type: 'referralAnswered',
      at: at(),
      by: 'r1',
      decision: 'mayNotPublish',
      reference: null,
      note: '',
    });
    expect(no.status).toBe('draft');
  });
});
