/** Staff roles; each is granted on one agency and applies to its whole subtree. */
export const roles = ['admin', 'registrar', 'reviewer', 'approver', 'supervisor', 'auditor'] as const;
export type Role = (typeof roles)[number];

/** Chinese labels (docs/GLOSSARY.md). */
export const roleLabels: Record<Role, string> = {
  admin: '管理员',
  registrar: '经办人',
  reviewer: '审核人',
  approver: '负责人',
  supervisor: '主管部门',
  auditor: '审计',
};

/** One role on one agency subtree. */
export interface RoleGrant {
  role: Role;
  agencyId: string;
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
