import type { Agency } from '../../core/agency.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import type { Executor } from '../../storage/executor.js';
import { errors } from '../platform/errors.js';

/** Looks an agency up by id, then by code. */
export async function findAgencyByRef(db: Executor, ref: string): Promise<Agency> {
  const agency =
    (await agenciesRepository.findById(db, ref)) ?? (await agenciesRepository.findByCode(db, ref));
  if (!agency) throw errors.agencyNotFound(ref);
  return agency;
}
