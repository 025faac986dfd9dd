/** Factories for publishing tests: people with roles, valid document inputs, a cleared checklist. */
import type { RoleGrant } from '../../src/core/roles.js';
import type { Principal } from '../../src/services/accounts/principal.js';
import type {
  CreateDocumentInput,
  DocumentMetadataInput,
} from '../../src/services/publishing/document-input.js';

/** A staff member with their own id, so the workflow can tell people apart. */
export function person(userId: string, ...grants: RoleGrant[]): Principal {
  return { kind: 'staff', userId, username: userId, grants, via: 'token', ip: '127.0.0.1' };
}

export function metadata(overrides: Partial<DocumentMetadataInput> = {}): DocumentMetadataInput {
  return {
    title: '示范区教育局关于做好2026年春季学期开学工作的通知',
    documentNumber: '示教发〔2026〕3号',
    writtenOn: '2026-02-27',
    subjectId: '1102',
    genre: 'notice',
    art20Item: 'item11',
    disclosure: { attribute: 'proactive' },
    keywords: ['开学', '教育'],
    summary: '部署春季学期开学各项工作。',
    ...overrides,
  };
}

export function documentInput(
  agency: string,
  overrides: Partial<DocumentMetadataInput> = {},
): CreateDocumentInput {
  return { agency, metadata: metadata(overrides), body: '各学校：\n现将春季学期开学工作有关事项通知如下。' };
}

/** A normative document (行政规范性文件) with its validity. */
export function normativeInput(
  agency: string,
  overrides: Partial<DocumentMetadataInput> = {},
): CreateDocumentInput {
  return documentInput(agency, {
    title: '示范区教育局关于规范校外培训机构收费管理的通知',
    documentNumber: '示教规〔2026〕1号',
    art20Item: 'normativeDocument',
    validity: { status: 'valid', effectiveOn: '2026-04-01' },
    ...overrides,
  });
}

export const cleared = {
  stateSecret: 'clear',
  workSecret: 'clear',
  commercialSecret: 'clear',
  personalPrivacy: 'clear',
  aggregationRisk: 'clear',
  needsInterpretation: false,
} as const;
