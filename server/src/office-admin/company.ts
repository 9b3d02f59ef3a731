// The company's legal identity from the administration screen: the command line's checks
// (company.ts), audited with the identity before and after.
import type { Company } from '../../../shared/domain/company';
import { setCompany, showCompany } from '../company';
import type { Storage } from '../storage/types';
import type { AdminActor } from './audit';
import { recordAudit } from './audit';

export const adminCompany = async (storage: Storage): Promise<Company | null> => {
  const text = await showCompany(storage);
  return text === null ? null : (JSON.parse(text) as Company);
};

export const adminSetCompany = async (
  storage: Storage,
  actor: AdminActor,
  input: unknown,
): Promise<Company> => {
  const before = await adminCompany(storage);
  const company = await setCompany(storage, JSON.stringify(input));
  // The logo is large and says little in an audit line.
  const facts = (c: Company | null) => c && { ...c, logo: c.logo === '' ? '' : '(image)' };
  await recordAudit(storage, actor, 'company.set', company.name, facts(before), facts(company));
  return company;
};
