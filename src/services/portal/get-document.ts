import type { SearchDocumentTable } from '../../storage/schema.js';
import { searchRepository } from '../../storage/search-repository.js';
import type { PlatformDeps } from '../platform/platform.js';
import { portalPageNotFound } from './portal-directory.js';

/** A published document as the portal shows it (from the index: what was published, never a draft). */
export interface PortalDocument {
  id: string;
  agencyId: string;
  title: string;
  documentNumber: string | null;
  indexNumber: string | null;
  item: string | null;
  genre: string | null;
  subject: string | null;
  catalog: string | null;
  validity: string | null;
  publishedOn: string;
  bodyText: string;
  attachmentText: string;
}

function toDocument(row: SearchDocumentTable): PortalDocument {
  return {
    id: row.id,
    agencyId: row.agency_id,
    title: row.title,
    documentNumber: row.document_number,
    indexNumber: row.index_number,
    item: row.item,
    genre: row.genre,
    subject: row.subject,
    catalog: row.catalog,
    validity: row.validity,
    publishedOn: row.published_on,
    bodyText: row.body_text,
    attachmentText: row.attachment_text,
  };
}

/** A published document by id; PORTAL_PAGE_NOT_FOUND when it is unknown or withdrawn. */
export async function getPortalDocument(deps: Pick<PlatformDeps, 'db'>, id: string): Promise<PortalDocument> {
  if (id.length === 0 || id.length > 64) throw portalPageNotFound();
  const row = await searchRepository.findById(deps.db, id);
  if (!row) throw portalPageNotFound();
  return toDocument(row);
}
