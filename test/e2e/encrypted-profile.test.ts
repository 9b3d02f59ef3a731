// A lost laptop gives nothing away: a seller captures a lead (name, email, phone), qualifies
// it and invoices a service through the app in Chromium with its own profile folder; the
// browser is closed and every file of that folder is decoded (LevelDB blocks Snappy-
// decompressed, strings as UTF-8 and UTF-16LE) and searched. Encrypted: none of the values
// is there, the HTTP cache included, and the next start opens the records offline with the
// password only. The control build (FAIRLEAD_STORE_ENCRYPTION=off) finds them: the scan can fail.
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startWebServer } from '../../scripts/web-server';
import type { WebServer } from '../../scripts/web-server';
import { AppPage } from './pages/app-page';
import { DocumentPages } from './pages/document-pages';
import { LeadPages } from './pages/lead-pages';
import { chromiumPath, STACK_CHROMIUM_FLAGS } from './support/browser';
import { translator } from './support/i18n';
import { scanProfile } from './support/profile-scan';
import { ensureWebBuild, repoRoot } from './support/web-build';
import { describeE2e, useE2e } from './support/fixture';

const locale = 'it' as const;
const t = translator(locale);
const plainRoot = join(repoRoot, 'out/web-plain');

const openProfile = (dir: string): Promise<BrowserContext> =>
  chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath,
    args: [...STACK_CHROMIUM_FLAGS],
    locale: 'it-IT',
    viewport: { width: 1366, height: 900 },
  });

/** Captures a lead with a phone number, qualifies it and invoices a write-in service. */
const sellAndInvoice = async (app: AppPage, known: ReturnType<typeof knownValues>) => {
  const { page } = app;
  await app.go('leads');
  await page.getByRole('button', { name: t('lead.capture') }).click();
  const form = page.getByRole('form', { name: t('lead.captureTitle') });
  await form.getByLabel(t('common.firstName'), { exact: true }).fill('Ottavia');
  await form.getByLabel(t('common.lastName'), { exact: true }).fill(known.lastName);
  await form.getByLabel(t('common.company'), { exact: true }).fill(known.company);
  await form.getByLabel(t('common.email'), { exact: true }).fill(known.email);
  await form.getByLabel(t('common.phone'), { exact: true }).fill(known.phone);
  await form.getByLabel(t('lead.consent'), { exact: true }).check();
  await form.getByLabel(t('common.email'), { exact: true }).press('Enter');
  await page.getByText(t('lead.captured', { name: `Ottavia ${known.lastName}` })).waitFor();
  const leads = new LeadPages(app);
  const docs = new DocumentPages(app);
  await leads.openFromList(known.company, `Ottavia ${known.lastName}`);
  await leads.qualify();
  await docs.addWriteInLine(known.service, '480,00', '1');
  await docs.newQuote();
  await docs.activateQuote();
  await docs.createOrder();
  await docs.fulfil();
  await docs.createInvoice();
};

const knownValues = (run: string) => {
  const tag = `${run}${Date.now().toString(36)}`;
  const digits = String(Date.now()).slice(-7);
  return {
    lastName: `Quercetti${tag}`,
    company: `Fonderie Quercetti${tag}`,
    email: `ottavia.${tag}@quercetti.example`,
    phone: `+39347${digits}`,
    service: `Collaudo forno ${tag}`,
  };
};

describeE2e('the browser profile of a seller, read from disk', () => {
  // Each run's own Chromium profile folder: no browser of the file's.
  const e2e = useE2e({ browser: false });
  let plainWeb: WebServer | null = null;

  beforeAll(async () => {
    // The control: the same app built with encryption at rest switched off.
    ensureWebBuild({ outDir: plainRoot, env: { FAIRLEAD_STORE_ENCRYPTION: 'off' } });
    plainWeb = await startWebServer({ root: plainRoot, apiUrl: e2e.stack.apiUrl });
  }, 600_000);

  afterAll(async () => {
    await plainWeb?.close();
  });

  const run = async (appUrl: string, label: string) => {
    const dir = e2e.scratchDir(`profile-${label}`);
    const known = knownValues(label);
    const context = await openProfile(dir);
    e2e.track(context);
    const app = new AppPage(context.pages()[0] ?? (await context.newPage()), t, locale);
    await app.open(appUrl);
    await app.signIn(e2e.stack.seller.email, e2e.stack.seller.password);
    await app.waitForSynced();
    await sellAndInvoice(app, known);
    await app.waitForSynced();
    await context.close();
    const values = [known.lastName, known.company, known.email, known.phone, known.service];
    return { dir, known, values, scan: scanProfile(dir, values) };
  };

  it('holds none of the values with encryption on, and opens offline with the password', async () => {
    const { dir, known, values, scan } = await run(e2e.stack.appUrl, 'enc');
    expect(scan.levelDbFiles).toBeGreaterThan(3);
    expect(scan.findings).toEqual([]);
    // Nothing in the HTTP cache either (its folder is part of the scan above).
    const cached = scanProfile(join(dir, 'Default', 'Cache'), values);
    expect(cached.findings).toEqual([]);

    // Next start, offline: the password unwraps the key, a wrong one is refused.
    const context = await openProfile(dir);
    e2e.track(context);
    await context.setOffline(true);
    const app = new AppPage(context.pages()[0] ?? (await context.newPage()), t, locale);
    await app.open(e2e.stack.appUrl).catch(() => undefined);
    await app.page.reload().catch(() => undefined);
    const unlock = app.page.getByRole('form', { name: t('auth.unlockTitle') });
    if (!(await unlock.isVisible().catch(() => false))) {
      // Offline, the page itself comes from the browser's cache only if it kept it; go online.
      await context.setOffline(false);
      await app.open(e2e.stack.appUrl);
      await context.setOffline(true);
    }
    await unlock.waitFor();
    await app.screenshot('unlock');
    await unlock.getByLabel(new RegExp(`^${t('auth.password')}`)).fill('not-my-password');
    await unlock.getByRole('button', { name: t('auth.unlock') }).click();
    await unlock.getByText('Password errata').waitFor({ timeout: 30_000 });
    await app.screenshot('unlock-wrong-password');
    await unlock.getByLabel(new RegExp(`^${t('auth.password')}`)).fill(e2e.stack.seller.password);
    await unlock.getByRole('button', { name: t('auth.unlock') }).click();
    await app.page.getByRole('navigation', { name: t('app.mainNav') }).waitFor({ timeout: 60_000 });
    // The qualified lead's account, read from the encrypted store offline, opens from search.
    await app.searchAndOpen(known.company);
    await app.page.getByRole('heading', { level: 1, name: new RegExp(known.lastName) }).waitFor();
    await app.screenshot('unlocked-offline');
    await context.close();
  }, 600_000);

  it('finds the values in the control build without encryption, so the scan can fail', async () => {
    const { scan, values } = await run(plainWeb?.url ?? '', 'plain');
    const found = new Set(scan.findings.map((f) => f.value));
    expect([...found].sort()).toEqual([...values].sort());
    // IndexedDB's own files hold them (not only some other copy of the page).
    expect(scan.findings.some((f) => f.file.includes('IndexedDB'))).toBe(true);
  }, 600_000);
});
