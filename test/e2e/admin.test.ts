// The administrator in the browser build: adds a seller, changes a price, revokes the new
// seller's device, and finds each in the audit log; the seller cannot open the
// administration, and the admin endpoints answer the seller 403.
import { expect, it } from 'vitest';
import { AdminPage } from './pages/admin-pages';
import { addOfficeUser } from './support/stack';
import { describeE2e, useE2e } from './support/fixture';

const password = 'e2e-Admin-Passw0rd!';

describeE2e('the administration screens', () => {
  const e2e = useE2e();

  it.each(['it', 'en'] as const)(
    'in %s: adds a seller, changes a price, revokes a device, each in the audit',
    async (locale) => {
      const adminEmail = `e2e.admin.${locale}@fairlead.test`;
      await addOfficeUser(e2e.stack, { email: adminEmail, password, role: 'admin' });
      const user = { email: adminEmail, password };
      const { app, t } = await e2e.signIn(locale, { user, synced: false });
      const admin = new AdminPage(app.page, t);
      await app.go('admin');

      // 1. A new seller.
      const sellerEmail = `e2e.new.seller.${locale}@fairlead.test`;
      await admin.addSeller(sellerEmail, password, 'E2E Team');
      await app.screenshot('admin-users');

      // 2. A new price on the first product of the price list shown.
      await admin.tab('catalog');
      const firstSku = app.page.getByRole('table').first().getByRole('row').nth(1).locator('code');
      const sku = await firstSku.innerText();
      const row = await admin.changePrice(sku, '123.45');
      await row.getByText(locale === 'it' ? /123,45/ : /123\.45/).waitFor();
      await app.screenshot('admin-catalog');

      // 3. The new seller signs in on a device of their own: no administration there, and the
      // server refuses the seller its endpoints.
      const { app: seller } = await e2e.signIn(locale, {
        user: { email: sellerEmail, password },
      });
      const nav = seller.page.getByRole('navigation', { name: t('app.mainNav') });
      expect(await nav.getByRole('link', { name: t('nav.admin') }).count()).toBe(0);
      await seller.page.goto(`${e2e.stack.appUrl}#/admin/users`);
      await seller.page.getByText(t('app.notForRole')).waitFor();
      expect(await seller.page.getByRole('table').count()).toBe(0);
      await seller.screenshot('admin-refused-to-seller');
      const login = await seller.page.evaluate(
        async ([email, pass]) => {
          const res = await fetch('/api/auth/login', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email, password: pass, deviceName: 'probe' }),
          });
          const { token } = (await res.json()) as { token: string };
          const statuses: number[] = [];
          for (const path of ['/api/admin/users', '/api/admin/devices', '/api/admin/audit']) {
            const r = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
            statuses.push(r.status);
          }
          const put = await fetch('/api/admin/exchange-rates/USD', {
            method: 'PUT',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ rate: 2, date: '2026-12-01' }),
          });
          statuses.push(put.status);
          return statuses;
        },
        [sellerEmail, password] as const,
      );
      expect(login).toEqual([403, 403, 403, 403]);

      // 4. The admin sees the seller's devices with their health and revokes the laptop.
      await admin.tab('devices');
      const laptop = admin.deviceRow(sellerEmail).filter({ hasNotText: 'probe' });
      await laptop.first().waitFor();
      // The device told the office its app version and its refused changes on its sync calls.
      const health = await laptop.first().innerText();
      expect(health).not.toContain(t('admin.devices.never'));
      expect(health).not.toContain(t('common.unknown'));
      await app.screenshot('admin-devices');
      await laptop
        .first()
        .getByRole('button', { name: t('admin.devices.revoke') })
        .click();
      await app.page
        .getByRole('dialog')
        .getByRole('button', { name: t('admin.devices.revoke') })
        .click();
      await laptop.first().locator('.badge-danger').waitFor();
      await app.screenshot('admin-device-revoked');

      // The revoked device's next call is refused with device_revoked.
      const refused = await seller.page.evaluate(async () => {
        // The session as the browser build keeps it (a cookie, if any, goes along anyway).
        type KeyValues = { getItem(key: string): string | null };
        const store = (globalThis as unknown as { localStorage: KeyValues }).localStorage;
        const key = Object.keys(store).find((k) => k.endsWith('fairlead.session.token'));
        const token = key ? store.getItem(key) : null;
        const res = await fetch('/api/auth/me', {
          headers: token ? { authorization: `Bearer ${token}` } : {},
        });
        return { status: res.status, code: ((await res.json()) as { code?: string }).code };
      });
      expect(refused).toEqual({ status: 401, code: 'device_revoked' });

      // 5. Each of the three in the audit log, with who did it.
      await admin.tab('audit');
      const audit = admin.table('audit');
      for (const [action, target] of [
        ['admin.audit.actions.user.add', sellerEmail],
        ['admin.audit.actions.catalog.price', sku],
        ['admin.audit.actions.device.revoke', ''],
      ] as const) {
        const entry = audit
          .getByRole('row')
          .filter({ hasText: t(action) })
          .filter({ hasText: target });
        await entry.first().waitFor();
        expect(await entry.first().innerText()).toContain(adminEmail);
      }
      // The new seller's team by its name, not its id.
      expect(
        await audit
          .getByRole('row')
          .filter({ hasText: t('admin.audit.actions.user.add') })
          .filter({ hasText: sellerEmail })
          .first()
          .innerText(),
      ).toContain('team: E2E Team');
      // Minor units shown as money: 123,45 in Italian, 123.45 in English.
      expect(await audit.innerText()).toMatch(
        locale === 'it' ? /unitPrice: .+ → .*123,45/ : /unitPrice: .+ → .*123\.45/,
      );
      await app.screenshot('admin-audit');
    },
    300_000,
  );

  it('sets an exchange rate and a currency on the rates tab', async () => {
    const email = 'e2e.admin.rates@fairlead.test';
    await addOfficeUser(e2e.stack, { email, password, role: 'admin' });
    const { app, t } = await e2e.signIn('en', { user: { email, password }, synced: false });
    const admin = new AdminPage(app.page, t);
    await app.go('admin');
    await admin.tab('rates');

    const rates = app.page.getByRole('region', { name: t('admin.rates.title') });
    await rates.getByLabel(t('common.currency'), { exact: true }).fill('CHF');
    await rates.getByLabel(t('admin.rates.perEur'), { exact: true }).fill('0.9345');
    await rates.getByRole('button', { name: t('admin.rates.save') }).click();
    await rates.getByRole('row').filter({ hasText: 'CHF' }).filter({ hasText: '0.9345' }).waitFor();
    // Saved, the form is empty for the next rate.
    expect(await rates.getByLabel(t('common.currency'), { exact: true }).inputValue()).toBe('');

    const currencies = app.page.getByRole('region', { name: t('admin.rates.currencies') });
    await currencies.getByLabel(t('common.currency'), { exact: true }).fill('SEK');
    await currencies.getByLabel(t('common.name'), { exact: true }).fill('Swedish krona');
    await currencies.getByLabel(t('admin.rates.decimals'), { exact: true }).fill('2');
    await currencies.getByRole('button', { name: t('admin.rates.saveCurrency') }).click();
    await currencies.getByRole('row').filter({ hasText: 'Swedish krona' }).waitFor();
    await app.screenshot('admin-rates');
  }, 180_000);
});
