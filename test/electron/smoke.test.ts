// The desktop app end to end, in the real Electron runtime: start the built app, sign in
// against a real sync server, capture a lead, and find it on the server.
// Runs only where the Electron binary exists (it cannot be downloaded on every machine); on
// Linux it also needs a display and a keyring, since Fairlead refuses to keep the session
// token where the OS has no secure storage. Elsewhere it prints why it was skipped.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron } from 'playwright-core';
import type { ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from '../e2e/pages/app-page';
import { LeadPages } from '../e2e/pages/lead-pages';
import { translator } from '../e2e/support/i18n';
import type { Stack } from '../e2e/support/stack';
import { pullAll, startStack } from '../e2e/support/stack';
import { repoRoot } from '../e2e/support/web-build';

/** The Electron executable, or why there is none. */
const findElectron = (): { path: string } | { reason: string } => {
  try {
    // The electron package exports the binary's path, and throws when it was not downloaded.
    const binary = createRequire(import.meta.url)('electron') as unknown;
    if (typeof binary === 'string' && existsSync(binary)) return { path: binary };
    return { reason: `the Electron binary is missing (${String(binary)})` };
  } catch (error) {
    return {
      reason: `the Electron binary is not installed (${(error as Error).message.split('\n')[0]})`,
    };
  }
};

const skipReason = (): string | null => {
  const electron = findElectron();
  if ('reason' in electron) return electron.reason;
  if (process.platform === 'linux') {
    if (!process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) {
      return 'no display (run under xvfb-run)';
    }
    if (!process.env['DBUS_SESSION_BUS_ADDRESS']) {
      return 'no D-Bus session, so no keyring for the session token (start gnome-keyring)';
    }
  }
  return null;
};

const reason = skipReason();
if (reason !== null) console.warn(`Electron smoke test skipped: ${reason}.`);

describe.skipIf(reason !== null)('desktop app smoke test', () => {
  const t = translator('en');
  let stack: Stack;
  let app: ElectronApplication;
  let profile = '';

  beforeAll(async () => {
    execFileSync('npx', ['electron-vite', 'build'], { cwd: repoRoot, stdio: 'inherit' });
    stack = await startStack();
    profile = mkdtempSync(join(tmpdir(), 'fairlead-electron-'));
    app = await _electron.launch({
      args: [join(repoRoot, 'out/main/index.js'), '--lang=en-US', `--user-data-dir=${profile}`],
      cwd: repoRoot,
    });
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    await stack?.stop();
    if (profile !== '') rmSync(profile, { recursive: true, force: true });
  });

  it('opens the hardened window on app://', async () => {
    const shell = await app.firstWindow();
    expect(shell.url()).toMatch(/^app:\/\/fairlead\//);
    // The page has no Node: only the preload's named functions.
    const globals = await shell.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: Object.keys((globalThis as unknown as { fairlead: object }).fairlead).sort(),
    }));
    expect(globals.require).toBe('undefined');
    expect(globals.process).toBe('undefined');
    expect(globals.bridge).toContain('setSecret');
    expect(globals.bridge).not.toContain('invoke');
  });

  it('signs in, captures a lead and the server stores it', async () => {
    const shell = await app.firstWindow();
    const page = new AppPage(shell, t, 'en');
    const suffix = Date.now().toString(36);
    const lead = {
      firstName: 'Marta',
      lastName: `Bassi ${suffix}`,
      company: `Bassi Serramenti ${suffix}`,
      email: `marta.${suffix}@bassi.example`,
    };
    // Served from app://, the app asks for the server address.
    await shell.getByLabel(new RegExp(`^${t('auth.server')}`)).fill(stack.apiUrl);
    await page.signIn(stack.seller.email, stack.seller.password);
    await page.waitForSynced();
    await new LeadPages(page).capture(lead);
    await page.waitForSynced();

    const leads = await pullAll(stack, 'leads');
    expect(leads.map((doc) => doc['company'])).toContain(lead.company);
  });
});
