/** Factories for application tests: valid applicants and inputs, built through the services. */
import type { RegisterApplicationInput } from '../../src/services/applications/application-input.js';
import type { Principal } from '../../src/services/accounts/principal.js';
import type { RoleGrant } from '../../src/core/roles.js';

/** Real-format identity numbers with correct check characters. */
export const ids = {
  person: '11010519491231002X',
  person2: '440304199001010011',
  company: '91350100M000100Y43',
  company2: '91330100799655058B',
};

export function staff(...grants: RoleGrant[]): Principal {
  return { kind: 'staff', userId: 'u-test', username: 'tester', grants, via: 'token', ip: '127.0.0.1' };
}

/** A valid application at `agency`; override any part. */
export function applicationInput(
  agency: string,
  overrides: Partial<RegisterApplicationInput> = {},
): RegisterApplicationInput {
  return {
    agency,
    channel: 'inPerson',
    applicant: {
      type: 'naturalPerson',
      name: '张三',
      identityKind: 'residentId',
      identityNumber: ids.person,
      phone: '13800000000',
    },
    request: {
      title: '2025年部门预算',
      description: '申请公开示范区教育局2025年部门预算及“三公”经费支出情况',
    },
    form: { medium: 'electronic', delivery: 'email' },
    ...overrides,
  };
}
