// The administration screens' client against a real office server: every answer the server
// gives passes the shared response schemas (shared/sync/api-endpoints.ts), so the checks that
// refuse a malformed answer never refuse a good one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCompany } from '../../shared/dataset';
import type { Result } from '../../shared/domain/errors';
import { createOfficeAdminClient } from '../../renderer/data/office/admin-client';
import type { OfficeAdminClient } from '../../renderer/data/office/admin-client';
import { createSyncClient } from '../../renderer/data/sync/client';
import { addUser } from '../../server/src/office';
import { PASSWORD, startOffice } from './harness';

const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message.en}`);
  return result.value;
};

describe('the administration client on a real server', () => {
  let office: Awaited<ReturnType<typeof startOffice>>;
  let admin: OfficeAdminClient;

  beforeAll(async () => {
    office = await startOffice();
    await addUser(office.server.storage, {
      email: 'admin@office.example',
      password: PASSWORD,
      role: 'admin',
    });
    const login = await createSyncClient({ serverUrl: office.url, getToken: () => null }).login({
      email: 'admin@office.example',
      password: PASSWORD,
      deviceName: 'office desk',
    });
    admin = createOfficeAdminClient({ serverUrl: office.url, getToken: () => login.token });
  });
  afterAll(async () => {
    await office?.close();
  });

  it('reads every answer of a working session', async () => {
    const seller = value(
      await admin.addUser({
        email: 'anna@north.example',
        password: PASSWORD,
        role: 'seller',
        team: 'North',
      }),
    );
    expect(seller).toMatchObject({ email: 'anna@north.example', teamName: 'North' });
    expect(value(await admin.setRole(seller.id, 'manager'))).toEqual({ ok: true });
    expect(value(await admin.users()).map((u) => u.email)).toContain('anna@north.example');
    expect(value(await admin.addTeam('South')).name).toBe('South');
    expect(value(await admin.teams()).length).toBe(2);
    expect(value(await admin.disableTeam('South'))).toEqual({ disabledMembers: 0 });
    expect(value(await admin.devices())[0]?.name).toBe('office desk');
    const imported = value(
      await admin.importCatalog(
        ['sku,name,vat_rate,price_list,currency,unit_price', 'S1,Screw,22,Fair,EUR,1.00'].join(
          '\n',
        ),
      ),
    );
    expect(imported).toEqual({ imported: true, products: 1, priceLists: 1 });
    const catalog = value(await admin.catalog());
    const [product] = catalog.products;
    const [list] = catalog.priceLists;
    expect(product?.sku).toBe('S1');
    if (product === undefined || list === undefined) throw new Error('no catalog');
    const priced = value(
      await admin.setPrice({ priceListId: list.id, productId: product.id, unitPrice: 250 }),
    );
    expect(priced.items[0]?.unitPrice).toBe(250);
    value(await admin.setCurrency('CHF', { name: 'Swiss franc', minorDigits: 2 }));
    value(await admin.setExchangeRate('CHF', { rate: 0.94, date: '2026-11-30' }));
    value(await admin.setVatRate(2200, { labelEn: 'Standard', labelIt: 'Ordinaria' }));
    expect(value(await admin.refdata()).currencies.map((c) => c.key)).toContain('CHF');
    expect(value(await admin.company())).toEqual({ company: null });
    expect(value(await admin.setCompany(demoCompany)).company.name).toBe(demoCompany.name);
    expect(value(await admin.company()).company?.vatNumber).toBe(demoCompany.vatNumber);
    const audit = value(await admin.audit());
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['user.add', 'company.set']));
    expect(value(await admin.audit(audit.at(-1)?.id))).toEqual([]);
    const devices = value(await admin.devices());
    expect(value(await admin.revokeDevice(devices[0]?.id ?? '')).revokedAt).not.toBeNull();
  });
});
