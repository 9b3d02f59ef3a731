// Sign-out and revocation remove the seller's data from the browser: sign-out refuses while a
// change has not reached the office and goes on only when the seller discards it; a revoked
// device wipes itself at its next sync and says why. "Removed" is proven by reopening the app
// and reading what IndexedDB and localStorage still hold.
import { expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { DevicePages, onlyInstallationStore } from './pages/device-pages';
import { LeadPages } from './pages/lead-pages';
import type { TestLocale } from './support/i18n';
import { addOfficeUser, officeAdmin, pullAll } from './support/stack';
import { describeE2e, useE2e } from './support/fixture';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describeE2e('sign-out and revocation wipe the device', () => {
  const e2e = useE2e();

  const signedIn = async (locale: TestLocale) => {
    const { t, context, app } = await e2e.signIn(locale);
    return { t, context, app, device: new DevicePages(app), leads: new LeadPages(app) };
  };

  it.each(['it', 'en'] as const)(
    'in %s: refuses while a change is unsynced, signs out on discard, and leaves nothing',
    async (locale) => {
      const { t, context, app, device, leads } = await signedIn(locale);
      const before = await device.leftovers();
      expect(before.databases.some((n) => !n.includes('fairlead_device'))).toBe(true);

      await app.goOffline();
      const lead = {
        firstName: 'Dario',
        lastName: `Scartato${locale.toUpperCase()}`,
        company: `Uscita ${locale} SpA`,
        email: `dario.discard.${locale}@example.it`,
      };
      await leads.capture(lead);
      await device.signOutFromSettings();
      const pending = 2; // the lead and its "created" timeline entry
      await app.page.getByText(t('auth.unsyncedChanges', { count: pending })).waitFor();
      await app.screenshot('sign-out-refused');
      // Refused: still signed in, nothing removed.
      expect(await app.page.getByRole('navigation', { name: t('app.mainNav') }).count()).toBe(1);
      await app.page
        .getByRole('button', { name: t('auth.discardAndSignOut', { count: pending }) })
        .click();
      await device.waitForSignIn();
      const offlineAfter = await device.leftovers();
      expect(onlyInstallationStore(offlineAfter.databases)).toBe(true);

      // Reopened (the page needs the network to load): no session, nothing of the seller's
      // store or keys left.
      await context.setOffline(false);
      await app.page.reload();
      await device.waitForSignIn();
      const after = await device.leftovers();
      expect(onlyInstallationStore(after.databases)).toBe(true);
      expect(after.localEntries).toEqual(['fairlead.ui']);
      await app.screenshot('signed-out');

      // The discarded lead never reached the office, and signing in again does not bring it.
      await app.signIn(e2e.stack.seller.email, e2e.stack.seller.password);
      await app.waitForSynced();
      expect(await leads.countInList(lead.company)).toBe(0);
      expect((await pullAll(e2e.stack, 'leads')).some((l) => l.email === lead.email)).toBe(false);
    },
    240_000,
  );

  it('signs out at once when everything has synced, removing the store', async () => {
    const { t, context, app, device, leads } = await signedIn('en');
    const lead = {
      firstName: 'Sara',
      lastName: 'Sincronizzata',
      company: 'Synced Before Srl',
      email: 'sara.synced@example.it',
    };
    await leads.capture(lead);
    await app.waitForSynced();
    await device.signOutFromSettings();
    await device.waitForSignIn();
    expect(await app.page.getByText(t('auth.unsyncedChanges', { count: 1 })).count()).toBe(0);

    // A new window of the same browser profile: the sign-in screen, and no data.
    await app.page.close();
    const reopened = new AppPage(await context.newPage(), t, 'en');
    await reopened.open(e2e.stack.appUrl);
    const again = new DevicePages(reopened);
    await again.waitForSignIn();
    const after = await again.leftovers();
    expect(onlyInstallationStore(after.databases)).toBe(true);
    expect(after.localEntries).toEqual(['fairlead.ui']);
    // It did reach the office before the store went.
    expect((await pullAll(e2e.stack, 'leads')).some((l) => l.email === lead.email)).toBe(true);
  }, 240_000);

  it('keeps everything when the session merely ends (a disabled user is not a revoked device)', async () => {
    const kept = { email: 'e2e.kept@fairlead.test', password: 'e2e-Kept-Passw0rd!' };
    await addOfficeUser(e2e.stack, {
      ...kept,
      role: 'seller',
      team: 'E2E Team',
      name: 'Carla Conservata',
    });
    const { app, t, context } = await e2e.signIn('en', { user: kept });
    const device = new DevicePages(app);
    await app.goOffline();
    const lead = {
      firstName: 'Carla',
      lastName: 'Conservata',
      company: 'Kept Work Srl',
      email: 'carla.kept@example.it',
    };
    await new LeadPages(app).capture(lead);

    // The office ends the user's sessions (HTTP 401 "unauthorized", not device_revoked).
    await officeAdmin(e2e.stack.dataDir, 'user', 'disable', '--email', kept.email);
    await context.setOffline(false);
    await app.syncStatus
      .getByText('Please sign in again: the session is missing or has expired.')
      .waitFor({ timeout: 60_000 });
    expect(await app.page.getByRole('navigation', { name: t('app.mainNav') }).count()).toBe(1);
    await app.page.getByText(lead.lastName).first().waitFor();
    const left = await device.leftovers();
    expect(onlyInstallationStore(left.databases)).toBe(false);
    expect(left.localEntries).toContain('fairlead.secret.fairlead.session');
  }, 240_000);

  it.each(['en', 'it'] as const)(
    'in %s: a revoked device deletes its store and keys at its next sync and says why',
    async (locale) => {
      const { t, app, device, leads } = await signedIn(locale);
      // The device's numbering series, as the seller reads it on Settings, names it to the
      // office, which revokes it with its command line: every later call of the device is
      // answered device_revoked by the real server.
      await app.go('settings');
      const [lead = '', tail = ''] = t('settings.deviceNameHint', { series: '\u0000' }).split(
        '\u0000',
      );
      const hint = new RegExp(`${escapeRegExp(lead)}(\\S+)${escapeRegExp(tail)}`);
      const series = hint.exec(await app.page.getByText(hint).innerText())?.[1];
      expect(series).toBeTruthy();
      const revoked = await officeAdmin(e2e.stack.dataDir, 'device', 'revoke', series!);
      expect(revoked.stdout).toContain(`Revoked`);
      expect(revoked.stdout).toContain(`(${series})`);
      await leads.capture({
        firstName: 'Rita',
        lastName: `Revocata${locale.toUpperCase()}`,
        company: `Revoca ${locale} Srl`,
        email: `rita.revoked.${locale}@example.it`,
      });
      await app.page.getByText(t('auth.deviceRevoked')).waitFor({ timeout: 60_000 });
      await device.waitForSignIn();
      await app.screenshot('device-revoked');
      const after = await device.leftovers();
      expect(onlyInstallationStore(after.databases)).toBe(true);
      expect(after.localEntries).toEqual(['fairlead.ui', 'fairlead.wipe-notice']);

      // Reopened later: still wiped, still saying why.
      await app.page.reload();
      await app.page.getByText(t('auth.deviceRevoked')).waitFor();

      // Signing in again makes a new device of this browser; the notice goes with it.
      await app.signIn(e2e.stack.seller.email, e2e.stack.seller.password);
      await app.waitForSynced();
      expect(await device.leftovers()).toMatchObject({
        localEntries: expect.not.arrayContaining(['fairlead.wipe-notice']) as unknown,
      });
    },
    240_000,
  );
});
