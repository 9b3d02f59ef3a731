// Sign-out and revocation remove the seller's data from the browser: sign-out refuses while a
// change has not reached the office and goes on only when the seller discards it; a revoked
// device wipes itself at its next sync and says why. "Removed" is proven by reopening the app
// and reading what IndexedDB and localStorage still hold.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { AppPage } from './pages/app-page';
import { DevicePages, onlyInstallationStore } from './pages/device-pages';
import { LeadPages } from './pages/lead-pages';
import { chromiumAvailable, chromiumPath, launchChromium } from './support/browser';
import { translator } from './support/i18n';
import type { TestLocale } from './support/i18n';
import type { Stack } from './support/stack';
import { pullAll, startStack } from './support/stack';
import { repoRoot } from './support/web-build';

const canRun = chromiumAvailable();
if (!canRun) console.warn(`e2e skipped: no Chromium at ${chromiumPath} (set CHROMIUM_PATH)`);

const intl = { en: 'en-GB', it: 'it-IT' } as const;

// Runs the office's command line on the stack's database, as the office would.
const officeAdmin = (stack: Stack, ...args: string[]) =>
  promisify(execFile)('npm', ['run', '--silent', 'admin', '--', ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: stack.dataDir },
  });

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.skipIf(!canRun)('sign-out and revocation wipe the device', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const signedIn = async (locale: TestLocale) => {
    const t = translator(locale);
    const context: BrowserContext = await browser.newContext({
      locale: intl[locale],
      viewport: { width: 1366, height: 900 },
    });
    const app = new AppPage(await context.newPage(), t, locale);
    await app.open(stack.appUrl);
    await app.signIn(stack.seller.email, stack.seller.password);
    await app.waitForSynced();
    return { t, context, app, device: new DevicePages(app), leads: new LeadPages(app) };
  };

  it.each(['it', 'en'] as const)(
    'in %s: refuses while a change is unsynced, signs out on discard, and leaves nothing',
    async (locale) => {
      const { t, context, app, device, leads } = await signedIn(locale);
      const before = await device.leftovers();
      expect(before.databases.some((n) => !n.includes('fairlead_device'))).toBe(true);

      await context.setOffline(true);
      await app.waitForOffline();
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
      await app.signIn(stack.seller.email, stack.seller.password);
      await app.waitForSynced();
      expect(await leads.countInList(lead.company)).toBe(0);
      expect((await pullAll(stack, 'leads')).some((l) => l.email === lead.email)).toBe(false);
      await context.close();
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
    await reopened.open(stack.appUrl);
    const again = new DevicePages(reopened);
    await again.waitForSignIn();
    const after = await again.leftovers();
    expect(onlyInstallationStore(after.databases)).toBe(true);
    expect(after.localEntries).toEqual(['fairlead.ui']);
    // It did reach the office before the store went.
    expect((await pullAll(stack, 'leads')).some((l) => l.email === lead.email)).toBe(true);
    await context.close();
  }, 240_000);

  it('keeps everything when the session merely ends (a disabled user is not a revoked device)', async () => {
    const kept = { email: 'e2e.kept@fairlead.test', password: 'e2e-Kept-Passw0rd!' };
    const admin = (...args: string[]) => officeAdmin(stack, ...args);
    await admin(
      'user',
      'add',
      '--email',
      kept.email,
      '--password',
      kept.password,
      '--role',
      'seller',
      '--team',
      'E2E Team',
      '--name',
      'Carla Conservata',
    );
    const t = translator('en');
    const context = await browser.newContext({
      locale: intl.en,
      viewport: { width: 1366, height: 900 },
    });
    const app = new AppPage(await context.newPage(), t, 'en');
    const device = new DevicePages(app);
    await app.open(stack.appUrl);
    await app.signIn(kept.email, kept.password);
    await app.waitForSynced();
    await context.setOffline(true);
    await app.waitForOffline();
    const lead = {
      firstName: 'Carla',
      lastName: 'Conservata',
      company: 'Kept Work Srl',
      email: 'carla.kept@example.it',
    };
    await new LeadPages(app).capture(lead);

    // The office ends the user's sessions (HTTP 401 "unauthorized", not device_revoked).
    await admin('user', 'disable', '--email', kept.email);
    await context.setOffline(false);
    await app.syncStatus
      .getByText('Please sign in again: the session is missing or has expired.')
      .waitFor({ timeout: 60_000 });
    expect(await app.page.getByRole('navigation', { name: t('app.mainNav') }).count()).toBe(1);
    await app.page.getByText(lead.lastName).first().waitFor();
    const left = await device.leftovers();
    expect(onlyInstallationStore(left.databases)).toBe(false);
    expect(left.localEntries).toContain('fairlead.secret.fairlead.session');
    await context.close();
  }, 240_000);

  it.each(['en', 'it'] as const)(
    'in %s: a revoked device deletes its store and keys at its next sync and says why',
    async (locale) => {
      const { t, context, app, device, leads } = await signedIn(locale);
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
      const revoked = await officeAdmin(stack, 'device', 'revoke', series!);
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
      await app.signIn(stack.seller.email, stack.seller.password);
      await app.waitForSynced();
      expect(await device.leftovers()).toMatchObject({
        localEntries: expect.not.arrayContaining(['fairlead.wipe-notice']) as unknown,
      });
      await context.close();
    },
    240_000,
  );
});
