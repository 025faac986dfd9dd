/**
 * An agency's publishing settings: the 索引号 template and code, the review chain (default 三级审核), whether an
 * author may approve a step of their own document, how far ahead a deadline counts as due soon, and the agency's own
 * 目录 tree (e.g. the areas of a 基层政务公开标准目录: 领域 → 一级事项 → 二级事项).
 */
import { z } from 'zod';
import { roles, type Role } from '../roles.js';
import { DomainError } from '../errors.js';
import { DEFAULT_INDEX_TEMPLATE, parseIndexTemplate } from './index-number.js';

const nodeId = z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, '目录编号只能用字母、数字和 _ . -，1 至 40 个字符');

export const reviewStepSchema = z
  .object({
    /** 审核环节名称, e.g. 科室审核. */
    name: z.string().trim().min(1).max(40),
    /** Roles that may decide this step (on the document's agency or above). */
    roles: z.array(z.enum(roles)).min(1).max(roles.length),
  })
  .strict();
export type ReviewStep = z.infer<typeof reviewStepSchema>;

export const catalogueNodeSchema = z
  .object({
    id: nodeId,
    parentId: nodeId.nullable().default(null),
    name: z.string().trim().min(1).max(100),
    /** 公开时限 as the 目录 writes it (e.g. 信息形成或者变更之日起20个工作日内). */
    timeLimit: z.string().trim().max(200).nullable().default(null),
    /** 公开渠道和载体 of the item. */
    channels: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  })
  .strict();
export type CatalogueNode = z.infer<typeof catalogueNodeSchema>;

/** The default chain: 三级审核 (承办科室 → 保密审查 → 领导签发). */
export const DEFAULT_REVIEW_CHAIN: ReviewStep[] = [
  { name: '科室审核', roles: ['reviewer'] },
  { name: '保密审查', roles: ['reviewer'] },
  { name: '领导签发', roles: ['approver'] },
];

export const publishingSettingsSchema = z
  .object({
    /** `{机构代码}` of the 索引号 (统一社会信用代码 or legacy code); null: the agency's code in capitals. */
    agencyCode: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,30}$/, '机构代码只能用字母、数字和 -')
      .nullable()
      .default(null),
    indexTemplate: z.string().default(DEFAULT_INDEX_TEMPLATE),
    reviewChain: z.array(reviewStepSchema).min(1).max(6).default(DEFAULT_REVIEW_CHAIN),
    /** Off by default; when an administrator turns it on, each self-approval is recorded with a warning. */
    allowSelfApproval: z.boolean().default(false),
    dueSoonWorkingDays: z.number().int().min(0).max(20).default(5),
    catalogue: z.array(catalogueNodeSchema).max(5000).default([]),
  })
  .strict();
export type PublishingSettings = z.infer<typeof publishingSettingsSchema>;

export const defaultPublishingSettings: PublishingSettings = publishingSettingsSchema.parse({});

/** Checks what zod cannot: the template, and that the 目录 is a tree (known parents, unique ids, no cycle). */
export function checkPublishingSettings(settings: PublishingSettings): PublishingSettings {
  parseIndexTemplate(settings.indexTemplate);
  const ids = new Set<string>();
  for (const node of settings.catalogue) {
    if (ids.has(node.id))
      throw settingsError(`公开目录编号重复：${node.id}`, `duplicate catalogue id ${node.id}`);
    ids.add(node.id);
  }
  const parent = new Map(settings.catalogue.map((n) => [n.id, n.parentId]));
  for (const node of settings.catalogue) {
    if (node.parentId !== null && !ids.has(node.parentId)) {
      throw settingsError(
        `公开目录「${node.name}」的上级不存在：${node.parentId}`,
        `catalogue node ${node.id} has an unknown parent ${node.parentId}`,
      );
    }
    let steps = 0;
    for (let p = node.parentId; p !== null; p = parent.get(p) ?? null) {
      if (p === node.id || (steps += 1) > 10) {
        throw settingsError(
          `公开目录「${node.name}」的层级成环或超过 10 级`,
          `catalogue node ${node.id} is in a cycle or deeper than 10 levels`,
        );
      }
    }
  }
  return settings;
}

function settingsError(zh: string, en: string): DomainError {
  return new DomainError('PUBLISHING_SETTINGS_INVALID', zh, en);
}

/** The ids of the 目录's leaves (items a document can be filed under). */
export function catalogueLeafIds(nodes: readonly CatalogueNode[]): Set<string> {
  const parents = new Set(nodes.map((n) => n.parentId).filter((p): p is string => p !== null));
  return new Set(nodes.filter((n) => !parents.has(n.id)).map((n) => n.id));
}

/** Whether one of `held` may decide a step. */
export function mayDecideStep(step: ReviewStep, held: readonly Role[]): boolean {
  return step.roles.some((r) => held.includes(r));
}
