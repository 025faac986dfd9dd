import type { Agency } from '../../core/agency.js';
import { DomainError } from '../../core/errors.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import { portalRepository } from '../../storage/portal-repository.js';
import type { PlatformDeps } from '../platform/platform.js';

/** An agency as its public portal shows it: the 指南's facts, never settings or staff. */
export type PortalAgency = Pick<
  Agency,
  | 'id'
  | 'parentId'
  | 'code'
  | 'name'
  | 'kind'
  | 'officeName'
  | 'address'
  | 'officeHours'
  | 'phone'
  | 'fax'
  | 'website'
  | 'email'
> & { postcode: string | null };

export function portalPageNotFound(): DomainError {
  return new DomainError(
    'PORTAL_PAGE_NOT_FOUND',
    '没有找到这个页面：地址可能有误，或者内容已经撤回。',
    'This page was not found: the address may be wrong, or the item has been withdrawn.',
  );
}

/** Every agency of the platform, in creation order, with the public facts of its 指南. */
export async function listPortalAgencies(deps: Pick<PlatformDeps, 'db'>): Promise<PortalAgency[]> {
  const all = await agenciesRepository.listAll(deps.db);
  const postcodes = await portalRepository.postcodes(deps.db);
  return all.map((a) => ({
    id: a.id,
    parentId: a.parentId,
    code: a.code,
    name: a.name,
    kind: a.kind,
    officeName: a.officeName,
    address: a.address,
    officeHours: a.officeHours,
    phone: a.phone,
    fax: a.fax,
    website: a.website,
    email: a.email,
    postcode: postcodes.get(a.id) ?? null,
  }));
}

/** The agency of a portal address (its code); PORTAL_PAGE_NOT_FOUND when there is none. */
export function portalAgencyByCode(agencies: readonly PortalAgency[], code: string): PortalAgency {
  const found = agencies.find((a) => a.code === code);
  if (!found) throw portalPageNotFound();
  return found;
}
