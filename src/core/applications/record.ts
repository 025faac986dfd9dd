/**
 * The record of one disclosure application (政府信息公开申请) as 条例第二十九条 requires it: who applies, what is
 * requested, in what form and how it is to be delivered, and the channel and time that fix the receipt date
 * (第三十一条). The process lives in the event history (events.ts); this record holds what the applicant gave.
 */
import type { IsoDate } from '../calendar/date.js';
import type { Channel } from '../clock/events.js';
import type { ApplicantType, AppealKind, AppealResult } from './compile-report.js';
import type { OutcomeCode } from './outcomes.js';
import type { CaseStatus } from './state-machine.js';

export type { ApplicantType } from './compile-report.js';

/** The report's columns in order (申请人情况): 自然人, then the five kinds of 法人或其他组织. */
export const applicantTypes = [
  'naturalPerson',
  'commercialEnterprise',
  'researchInstitution',
  'publicWelfareOrganization',
  'legalServiceInstitution',
  'otherOrganization',
] as const satisfies readonly ApplicantType[];

export const applicantTypeLabels: Record<ApplicantType, string> = {
  naturalPerson: '自然人',
  commercialEnterprise: '商业企业',
  researchInstitution: '科研机构',
  publicWelfareOrganization: '社会公益组织',
  legalServiceInstitution: '法律服务机构',
  otherOrganization: '其他',
};

/** 身份证明: resident identity number, unified social credit code, or another document (passport, …). */
export const identityKinds = ['residentId', 'creditCode', 'other'] as const;
export type IdentityKind = (typeof identityKinds)[number];

/** 第二十九条第二款第三项: 获取信息的方式 (medium). */
export const formMedia = ['paper', 'electronic', 'inspection'] as const;
export type FormMedium = (typeof formMedia)[number];
/** 第二十九条第二款第三项: 获取信息的途径 (how it is delivered). */
export const deliveryWays = ['post', 'email', 'pickup', 'online', 'fax'] as const;
export type DeliveryWay = (typeof deliveryWays)[number];

export const channels = [
  'inPerson',
  'post',
  'ordinaryPost',
  'online',
  'fax',
] as const satisfies readonly Channel[];

export interface Applicant {
  type: ApplicantType;
  /** 姓名 or 名称. */
  name: string;
  identityKind: IdentityKind | null;
  identityNumber: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  /** 联系人 for an organisation. */
  contactPerson: string | null;
}

export interface RequestedInformation {
  /** 政府信息的名称. */
  title: string | null;
  /** 文号. */
  documentNumber: string | null;
  /** 便于查询的其他特征性描述. */
  description: string;
}

export interface FormWanted {
  medium: FormMedium;
  delivery: DeliveryWay;
  note: string | null;
}

/** A registered application: what the applicant gave, plus the projection of its history kept for queries. */
export interface ApplicationRecord {
  id: string;
  agencyId: string;
  /** Human-friendly, unique: agency code, year, sequence (e.g. DEMO-EDUCATION-2026-00042). */
  trackingNumber: string;
  applicant: Applicant;
  request: RequestedInformation;
  form: FormWanted;
  channel: Channel;
  /** When it arrived (ISO timestamp). */
  submittedAt: string;
  /** An earlier case of the same applicant with a similar request, if one was found at intake. */
  duplicateOf: { id: string; trackingNumber: string; similarityPercent: number } | null;
  /** Projection of the event history (state-machine.ts), refreshed with every event. */
  status: CaseStatus;
  outcome: OutcomeCode | null;
  registeredOn: IsoDate;
  receivedOn: IsoDate | null;
  closedOn: IsoDate | null;
  /** The answer due date as of the last event; null while not started or paused. */
  dueOn: IsoDate | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** A reconsideration or lawsuit about an application (条例第五十一条), counted in table 四. */
export interface AppealRecord {
  id: string;
  applicationId: string;
  agencyId: string;
  kind: AppealKind;
  filedOn: IsoDate;
  result: AppealResult | null;
  decidedOn: IsoDate | null;
  /** 案号 of the reconsideration body or court. */
  caseNumber: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The tracking number: agency code in capitals, year, five-digit sequence within that agency and year. */
export function formatTrackingNumber(agencyCode: string, year: number, seq: number): string {
  return `${agencyCode.toUpperCase()}-${year}-${String(seq).padStart(5, '0')}`;
}
