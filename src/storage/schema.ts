import type { PublishingTables } from './publishing/schema.js';

/** The database schema as Kysely sees it. Times are ISO-8601 UTC text and JSON is text, the same on both dialects. */
export interface AgencyTable {
  id: string;
  parent_id: string | null;
  code: string;
  name: string;
  kind: string;
  office_name: string | null;
  address: string | null;
  office_hours: string | null;
  phone: string | null;
  fax: string | null;
  website: string | null;
  email: string | null;
  settings_json: string;
  created_at: string;
  updated_at: string;
  /** 邮编 (migration 20261202T2001); read by the portal's 指南. */
  postcode?: string | null;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string | null;
  failed_login_count: number;
  failed_login_since: string | null;
  locked_until: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
  /** Who created the account (a username, `cli:…` or `system`); null for accounts made before it was recorded. */
  created_by: string | null;
  created_by_user_id: string | null;
  disabled_reason: string | null;
}

export interface UserRoleTable {
  user_id: string;
  role: string;
  agency_id: string;
  /** When and by whom the grant was made; null for grants made before it was recorded. */
  granted_at: string | null;
  granted_by: string | null;
  granted_by_user_id: string | null;
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
  expires_at: string | null;
  last_used_at: string | null;
  /** Where it was last used from (`api 203.0.113.5`). */
  last_used_from: string | null;
  /** `owner`, `administrator`, `operator`, `password-changed`, `roles-changed`, `account-disabled`. */
  revoked_reason: string | null;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_user_id: string | null;
  actor: string;
  source: string;
  action: string;
  entity_type: string;
  entity_id: string;
  agency_id: string | null;
  before_json: string;
  after_json: string;
  prev_hash: string;
  hash: string;
}

export interface ApplicationTable {
  id: string;
  agency_id: string;
  tracking_number: string;
  year: number;
  seq: number;
  query_code_hash: string;
  idempotency_hash: string | null;
  applicant_type: string;
  applicant_name: string;
  identity_kind: string | null;
  identity_number: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  contact_person: string | null;
  applicant_key: string;
  request_title: string | null;
  request_document_number: string | null;
  request_description: string;
  form_medium: string;
  delivery_way: string;
  form_note: string | null;
  channel: string;
  submitted_at: string;
  duplicate_of_id: string | null;
  duplicate_percent: number | null;
  status: string;
  outcome: string | null;
  registered_on: string;
  received_on: string | null;
  closed_on: string | null;
  due_on: string | null;
  /** Working-day ordinal of `due_on` in the agency's calendar while the case is open (else null). */
  due_ordinal: number | null;
  /** 1 when the due date falls in a year without a calendar notice. */
  due_provisional: number;
  event_count: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** Which calendar and counting rule an agency's stored due ordinals were computed with. */
export interface CaseClockBasisTable {
  agency_id: string;
  calendar_key: string;
  refreshed_at: string;
}

export interface ApplicationEventTable {
  application_id: string;
  seq: number;
  type: string;
  date: string;
  data_json: string;
  actor_user_id: string | null;
  actor: string;
  recorded_at: string;
}

export interface ApplicationCounterTable {
  agency_id: string;
  year: number;
  last_seq: number;
}

export interface AppealTable {
  id: string;
  application_id: string;
  agency_id: string;
  kind: string;
  filed_on: string;
  result: string | null;
  decided_on: string | null;
  case_number: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReportFiguresTable {
  agency_id: string;
  year: number;
  proactive_json: string;
  updated_at: string;
}

/** One version of an agency's answer template (the highest version of an agency and kind is current). */
export interface AnswerTemplateTable {
  agency_id: string;
  kind: string;
  version: number;
  title: string | null;
  body: string;
  created_at: string;
  created_by: string;
}

/** The last 文号 sequence number issued by an agency in a year. */
export interface AnswerNumberTable {
  agency_id: string;
  year: number;
  last_number: number;
}

/** The answer document issued for a case: its 文号 and its text as issued. */
export interface AnswerDocumentTable {
  application_id: string;
  agency_id: string;
  year: number;
  number: number;
  document_number: string;
  outcome: string;
  dated_on: string;
  content_json: string;
  issued_at: string;
  issued_by: string;
}

/** Failed-login counters (src/core/login-throttle.ts), keyed by a hash of account and address, or of address. */
export interface LoginThrottleTable {
  key_hash: string;
  failures: number;
  last_failed_at: string;
  blocked_until: string | null;
}

/** An annual report approved (and later published) by an agency: the report frozen as approved. */
export interface ReportPublicationTable {
  agency_id: string;
  year: number;
  /** `approved` (the recorded approval step) or `published`. */
  status: string;
  report_json: string;
  approved_at: string;
  approved_by: string;
  published_at: string | null;
  published_on: string | null;
  published_by: string | null;
}

/** The narrative text of a report's six sections, as an agency wrote it. */
export interface ReportTextTable {
  agency_id: string;
  year: number;
  sections_json: string;
  updated_at: string;
}

/** A published document in the search index (its words are in search_fts / the tsvector columns). */
export interface SearchDocumentTable {
  doc_key: number;
  id: string;
  agency_id: string;
  title: string;
  document_number: string | null;
  document_number_key: string | null;
  index_number: string | null;
  index_number_key: string | null;
  item: string | null;
  genre: string | null;
  subject: string | null;
  catalog: string | null;
  validity: string | null;
  year: number;
  published_on: string;
  body_text: string;
  attachment_text: string;
  indexed_at: string;
}

export interface Database extends PublishingTables {
  agencies: AgencyTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  login_throttles: LoginThrottleTable;
  audit_log: AuditLogTable;
  applications: ApplicationTable;
  application_events: ApplicationEventTable;
  case_clock_basis: CaseClockBasisTable;
  application_counters: ApplicationCounterTable;
  appeals: AppealTable;
  report_figures: ReportFiguresTable;
  answer_templates: AnswerTemplateTable;
  answer_numbers: AnswerNumberTable;
  answer_documents: AnswerDocumentTable;
  report_publications: ReportPublicationTable;
  report_texts: ReportTextTable;
  search_documents: SearchDocumentTable;
}
