/** The 主动公开 tables as Kysely sees them (migration 20261202T1400-publishing). */
export interface PublishingSettingsTable {
  agency_id: string;
  settings_json: string;
  updated_at: string;
  updated_by: string;
}

export interface DocumentTable {
  id: string;
  agency_id: string;
  index_number: string;
  index_scope: string;
  index_year: number;
  index_seq: number;
  title: string;
  document_number: string | null;
  document_number_key: string | null;
  genre: string;
  art20_item: string;
  subject_id: string;
  catalogue_node_id: string | null;
  disclosure: string;
  validity: string;
  written_on: string | null;
  formed_on: string;
  effective_on: string | null;
  expires_on: string | null;
  repealed_on: string | null;
  status: string;
  current_version: number;
  published_version: number | null;
  published_on: string | null;
  published_at: string | null;
  scheduled_at: string | null;
  due_on: string | null;
  list_date: string;
  metadata_json: string;
  event_count: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface DocumentVersionTable {
  document_id: string;
  version: number;
  metadata_json: string;
  body_html: string;
  body_text: string;
  /** 1 once published: triggers refuse any change. */
  frozen: number;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export interface DocumentEventTable {
  document_id: string;
  seq: number;
  type: string;
  data_json: string;
  actor_user_id: string | null;
  actor: string;
  recorded_at: string;
}

export interface DocumentIndexCounterTable {
  scope: string;
  year: number;
  last_seq: number;
}

export interface DocumentBlobTable {
  sha256: string;
  size_bytes: number;
  content: Uint8Array;
}

export interface DocumentAttachmentTable {
  id: string;
  document_id: string;
  version: number;
  position: number;
  name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  text_content: string | null;
  details_json: string;
  created_at: string;
  created_by: string;
}

export interface DocumentLinkTable {
  from_id: string;
  to_id: string;
  kind: string;
  created_at: string;
  created_by: string;
}

export interface DocumentChannelTable {
  id: string;
  document_id: string;
  agency_id: string;
  channel: string;
  name: string | null;
  published_on: string;
  url: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface PublishingTables {
  publishing_settings: PublishingSettingsTable;
  documents: DocumentTable;
  document_versions: DocumentVersionTable;
  document_events: DocumentEventTable;
  document_index_counters: DocumentIndexCounterTable;
  document_blobs: DocumentBlobTable;
  document_attachments: DocumentAttachmentTable;
  document_links: DocumentLinkTable;
  document_channels: DocumentChannelTable;
}
