/**
 * What the search index knows of a published document, what a search asks and what it answers. The publishing
 * capability hands an `IndexableDocument` to `indexDocument` on publish and revise, and asks `removeDocument` on
 * withdrawal; the portal lists and searches through the same index.
 */

/** A published document as the index takes it: metadata for facets and lists, plain text for the words. */
export interface IndexableDocument {
  id: string;
  agencyId: string;
  title: string;
  /** 发文字号, e.g. 示范府发〔2024〕12号. */
  documentNumber: string | null;
  /** 索引号, e.g. 11320100MB0000000X/2024-00012. */
  indexNumber: string | null;
  /** 条例第二十条 item (`rule`, `normativeDocument`, `item7`…). */
  item: string | null;
  /** 体裁/文种 (`notice`, `opinion`…). */
  genre: string | null;
  /** 主题分类 code. */
  subject: string | null;
  /** The agency's own 目录 node (a path such as `财政信息/部门预算`). */
  catalog: string | null;
  /** 有效性: `valid`, `expired`, `repealed`, `amended`, or null when not applicable. */
  validity: string | null;
  /** 发布日期 (YYYY-MM-DD). */
  publishedOn: string;
  /** The body as plain text (tags removed). */
  bodyText: string;
  /** The text extracted from the attachments, joined. */
  attachmentText: string;
}

/** The facets a search can be narrowed by and counts are given for. */
export const facetNames = ['agency', 'item', 'year', 'genre', 'validity', 'subject'] as const;
export type FacetName = (typeof facetNames)[number];

export type SearchFilters = Partial<Record<FacetName, string>>;

export type SearchOrder = 'relevance' | 'date';

export interface SearchRequest {
  /** What the person typed; empty lists everything the filters allow, newest first. */
  text: string;
  /** Limit the search to these agencies (an agency's own portal), or all when absent. */
  agencyIds?: readonly string[];
  filters: SearchFilters;
  order: SearchOrder;
  /** The opaque cursor of the page before, or null for the first page. */
  cursor: string | null;
  limit: number;
  /** Count the facets (default true); without them the total is counted alone. */
  facets?: boolean;
}

/** A stretch of text with the matched words marked (offsets into `text`). */
export interface Snippet {
  text: string;
  marks: { start: number; end: number }[];
}

export interface SearchHit {
  id: string;
  agencyId: string;
  title: Snippet;
  documentNumber: string | null;
  indexNumber: string | null;
  item: string | null;
  genre: string | null;
  subject: string | null;
  catalog: string | null;
  validity: string | null;
  publishedOn: string;
  snippet: Snippet | null;
  /** Found by its exact 文号 or 索引号. */
  exact: boolean;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResult {
  /** The words searched for, after normalisation and segmentation (shown to the person). */
  terms: string[];
  total: number;
  hits: SearchHit[];
  nextCursor: string | null;
  facets: Record<FacetName, FacetCount[]>;
}
