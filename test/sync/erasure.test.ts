// GDPR erasure reaches every device: the office erases a person, and each of two devices
// (real RxDB stores, one offline at the time) holds only the purged versions after one sync.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, Activity, Contact } from '../../shared/domain/records';
import { erasePerson } from '../../server/src/erase';
import type { Device } from './harness';
import { converge, startDevice, startOffice } from './harness';
import { at, newId, newInvoice, newLead } from './fixtures';

type Doc = Record<string, unknown>;

describe('erasure of a person on two devices', () => {
  let office: Awaited<ReturnType<typeof startOffice>>;
  let laptop: Device;
  let tablet: Device;

  beforeAll(async () => {
    office = await startOffice();
    await office.addSeller('marco@fairlead.example');
    laptop = await startDevice('laptop', office.url, 'marco@fairlead.example');
    tablet = await startDevice('tablet', office.url, 'marco@fairlead.example');
  });

  afterAll(async () => {
    await laptop?.stop();
    await tablet?.stop();
    await office?.close();
  });

  it('purges lead, contact, account copies, timeline and invoice text after one sync', async () => {
    const owner = laptop.userId;
    const audit = { ownerId: owner, createdAt: at(1), updatedAt: at(1), updatedBy: owner };
    const email = 'elena.neri@neri.example';
    const phone = '+39 011 555 0101';
    const lead = newLead(owner, { firstName: 'Elena', lastName: 'Neri', email, phone });
    const account: Account = {
      id: newId(),
      ...audit,
      name: 'Neri Automazione Srl',
      vatNumber: 'IT01234567897',
      taxCode: '',
      address: { city: 'Torino', country: 'IT' },
      email,
      phone,
      website: '',
      industry: '',
      sdiCode: '',
      pec: '',
      shippingAddress: {},
      documentLanguage: 'it',
      originatingLeadId: lead.id,
      searchTerms: ['neri', 'automazione'],
    };
    const contact: Contact = {
      id: newId(),
      ...audit,
      accountId: account.id,
      firstName: 'Elena',
      lastName: 'Neri',
      jobTitle: 'CEO',
      email,
      phone,
      mobile: '',
      originatingLeadId: lead.id,
      searchTerms: ['elena', 'neri'],
    };
    const note = (
      regardingType: 'contact' | 'account',
      regardingId: string,
      body: string,
    ): Activity => ({
      id: newId(),
      ...audit,
      type: 'note',
      regardingType,
      regardingId,
      subject: 'Visit',
      body,
      event: null,
      data: null,
      due: null,
      completedAt: null,
      state: 'completed',
      occurredAt: at(1),
    });
    const personal = note('contact', contact.id, 'Her assistant books the meetings');
    const onAccount = note('account', account.id, 'Elena Neri asked for a demo; call 011 555 0101');
    await laptop.insert('leads', lead);
    await laptop.insert('accounts', account);
    await laptop.insert('contacts', contact);
    await laptop.insert('activities', personal);
    await laptop.insert('activities', onAccount);
    const invoiceId = newId();
    const number = await laptop.invoice({
      ...newInvoice(owner, 2),
      id: invoiceId,
      accountId: account.id,
      name: 'Cranes for Elena Neri',
    });
    await converge([laptop, tablet]);
    expect(await tablet.get('contacts', contact.id)).toMatchObject({ email });

    // The tablet is away while the office erases; the laptop is online.
    await tablet.offline();
    const report = await erasePerson(office.server.storage, { email });
    expect(report).toMatchObject({
      leads: 1,
      contacts: 1,
      accounts: 1,
      activities: 2,
      invoices: 1,
    });

    const check = async (device: Device): Promise<void> => {
      expect(await device.get('leads', lead.id), `${device.name}: lead`).toBeNull();
      expect(await device.get('contacts', contact.id), `${device.name}: contact`).toBeNull();
      expect(await device.get('activities', personal.id), `${device.name}: note`).toBeNull();
      expect(await device.get('accounts', account.id)).toMatchObject({
        name: 'Neri Automazione Srl',
        email: '',
        phone: '',
      });
      expect(await device.get('activities', onAccount.id)).toMatchObject({
        body: '[erased] asked for a demo; call [erased]',
      });
      const invoice = await device.get('invoices', invoiceId);
      expect(invoice).toMatchObject({ number, accountId: account.id, name: 'Cranes for [erased]' });
      const everything = JSON.stringify(await device.dump());
      for (const value of ['Elena', 'elena.neri', '555 0101', '5550101'])
        expect(everything, `${device.name} still holds ${value}`).not.toContain(value);
    };
    await laptop.idle();
    await check(laptop);
    await tablet.online();
    await tablet.idle();
    await check(tablet);
    const [a, b] = await converge([laptop, tablet]);
    expect((a as Record<string, Doc[]>).accounts).toEqual((b as Record<string, Doc[]>).accounts);
  });
});
