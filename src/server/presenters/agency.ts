import type { Agency } from '../../core/agency.js';
import type { AgencyReply } from '../schemas/agencies.js';

/** An agency as the API shows it: its place in the tree, its 指南 details and settings (public information). */
export function presentAgency(agency: Agency): AgencyReply {
  return {
    id: agency.id,
    parentId: agency.parentId,
    code: agency.code,
    name: agency.name,
    kind: agency.kind,
    guide: {
      officeName: agency.officeName,
      address: agency.address,
      officeHours: agency.officeHours,
      phone: agency.phone,
      fax: agency.fax,
      website: agency.website,
      email: agency.email,
    },
    settings: agency.settings,
    createdAt: agency.createdAt,
    updatedAt: agency.updatedAt,
  };
}
