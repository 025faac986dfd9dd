import { agenciesRepository } from '../../storage/agencies-repository.js';
import { createAgency } from '../agencies/create-agency.js';
import { createUser } from '../accounts/create-user.js';
import type { PlatformDeps } from './platform.js';
import { systemOperator } from '../accounts/principal.js';
import { seedDemoApplications } from '../applications/seed-demo-applications.js';
import { seedDemoDocuments } from '../publishing/seed-demo-documents.js';
import type { Principal } from '../accounts/principal.js';

export interface DemoSeed {
  adminUsername: string;
  /** Printed once at first start; not stored anywhere in clear. */
  adminPassword: string;
}

/**
 * On an empty database: a demo district (示范区人民政府) with 示范区教育局 and 示范街道办事处, an administrator and a
 * few sample staff accounts, and demo applications of the current year (seed-demo-applications.ts). Returns null when there are agencies already.
 */
export async function seedDemo(deps: PlatformDeps): Promise<DemoSeed | null> {
  if ((await agenciesRepository.count(deps.db)) > 0) return null;
  const office = {
    officeHours: '工作日 上午9:00—12:00，下午13:30—17:30',
    website: 'https://www.example.gov.cn/',
  };
  const district = await createAgency(deps, systemOperator, {
    code: 'demo-district',
    name: '示范区人民政府',
    kind: 'government',
    officeName: '示范区人民政府办公室（政务公开办）',
    address: '示范区人民路1号',
    phone: '010-00000001',
    fax: '010-00000002',
    email: 'gongkai@example.gov.cn',
    ...office,
  });
  await createAgency(deps, systemOperator, {
    parent: district.id,
    code: 'demo-education',
    name: '示范区教育局',
    kind: 'department',
    officeName: '示范区教育局办公室',
    address: '示范区学府路8号',
    phone: '010-00000011',
    ...office,
  });
  await createAgency(deps, systemOperator, {
    parent: district.id,
    code: 'demo-subdistrict',
    name: '示范街道办事处',
    kind: 'subdistrict',
    officeName: '示范街道党政办公室',
    address: '示范区和平街20号',
    phone: '010-00000021',
    ...office,
  });
  const admin = await createUser(deps, systemOperator, {
    username: 'admin',
    displayName: '系统管理员',
    grants: [{ role: 'admin', agency: 'demo-district' }],
  });
  // Sample staff (passwords generated and not shown: set one with `gongkai user password USERNAME`).
  const samples = [
    {
      username: 'jiaoyu.jingban',
      displayName: '教育局经办人（示例）',
      role: 'registrar',
      agency: 'demo-education',
    },
    {
      username: 'jiaoyu.shenhe',
      displayName: '教育局审核人（示例）',
      role: 'reviewer',
      agency: 'demo-education',
    },
    {
      username: 'jiedao.jingban',
      displayName: '街道经办人（示例）',
      role: 'registrar',
      agency: 'demo-subdistrict',
    },
    { username: 'qu.fuze', displayName: '区政府负责人（示例）', role: 'approver', agency: 'demo-district' },
    { username: 'qu.shenji', displayName: '审计员（示例）', role: 'auditor', agency: 'demo-district' },
    // 主动公开: the district office's clerk and its 三级审核 (科室审核, 保密审查, 领导签发 by qu.fuze).
    {
      username: 'qu.jingban',
      displayName: '区政府办经办人（示例）',
      role: 'registrar',
      agency: 'demo-district',
    },
    {
      username: 'qu.shenhe',
      displayName: '区政府办科室负责人（示例）',
      role: 'reviewer',
      agency: 'demo-district',
    },
    {
      username: 'qu.baomi',
      displayName: '区政府办保密审查员（示例）',
      role: 'reviewer',
      agency: 'demo-district',
    },
  ] as const;
  const staff = new Map<string, Principal & { kind: 'staff' }>();
  for (const sample of samples) {
    const made = await createUser(deps, systemOperator, {
      username: sample.username,
      displayName: sample.displayName,
      grants: [{ role: sample.role, agency: sample.agency }],
    });
    staff.set(sample.username, {
      kind: 'staff',
      userId: made.user.id,
      username: sample.username,
      grants: [{ role: sample.role, agencyId: made.user.grants[0]!.agencyId }],
      via: 'token',
      ip: 'demo-seed',
    });
  }
  await seedDemoApplications(deps);
  await seedDemoDocuments(deps, {
    author: staff.get('qu.jingban')!,
    reviewer1: staff.get('qu.shenhe')!,
    reviewer2: staff.get('qu.baomi')!,
    head: staff.get('qu.fuze')!,
  });
  return { adminUsername: admin.user.username, adminPassword: admin.generatedPassword as string };
}
