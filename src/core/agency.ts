import { z } from 'zod';
import { limits } from './limits.js';

/** Kinds of agency in a district tree (区人民政府 → 部门, 街道办事处, 乡镇人民政府 …). */
export const agencyKinds = ['government', 'department', 'subdistrict', 'township', 'other'] as const;
export type AgencyKind = (typeof agencyKinds)[number];

export const agencyKindLabels: Record<AgencyKind, string> = {
  government: '人民政府',
  department: '政府部门',
  subdistrict: '街道办事处',
  township: '乡镇人民政府',
  other: '其他机关',
};

/**
 * What an agency's 政府信息公开指南 must state about its disclosure office
 * (条例第十二条: 政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式).
 */
export interface DisclosureOffice {
  officeName: string | null; // 工作机构名称
  address: string | null; // 办公地址
  officeHours: string | null; // 办公时间
  phone: string | null; // 联系电话
  fax: string | null; // 传真号码
  website: string | null; // 网址
  email: string | null; // 电子邮箱
}

/** Per-agency settings: working-day calendar overrides and how deadlines are counted. */
export const agencySettingsSchema = z
  .object({
    calendarOverrides: z
      .array(
        z
          .object({
            date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
            workday: z.boolean(),
            note: z.string().max(limits.nameMaxLength).optional(),
          })
          .strict(),
      )
      .max(400)
      .default([]),
    counting: z
      .object({
        /** 条例第三十三条 counts 工作日; the day of receipt is not counted unless the agency says so. */
        countReceiptDay: z.boolean().default(false),
        /** When a request arrives after office hours, treat it as received the next working day. */
        afterHoursNextWorkday: z.boolean().default(true),
      })
      .strict()
      .default({ countReceiptDay: false, afterHoursNextWorkday: true }),
  })
  .strict();
export type AgencySettings = z.infer<typeof agencySettingsSchema>;

export const defaultAgencySettings: AgencySettings = agencySettingsSchema.parse({});

/** An agency as the services see it. */
export interface Agency extends DisclosureOffice {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  kind: AgencyKind;
  settings: AgencySettings;
  createdAt: string;
  updatedAt: string;
}

/** The ids of `rootId` and every agency below it. */
export function subtreeIds(
  agencies: readonly Pick<Agency, 'id' | 'parentId'>[],
  rootId: string,
): Set<string> {
  const children = new Map<string, string[]>();
  for (const agency of agencies) {
    if (agency.parentId === null) continue;
    const list = children.get(agency.parentId) ?? [];
    list.push(agency.id);
    children.set(agency.parentId, list);
  }
  const result = new Set<string>();
  const stack = agencies.some((a) => a.id === rootId) ? [rootId] : [];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (result.has(id)) continue;
    result.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return result;
}

/** Whether making `parentId` the parent of `id` would put `id` under itself. */
export function wouldCreateCycle(
  agencies: readonly Pick<Agency, 'id' | 'parentId'>[],
  id: string,
  parentId: string | null,
): boolean {
  return parentId !== null && subtreeIds(agencies, id).has(parentId);
}
