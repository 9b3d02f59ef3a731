// The one setup of the e2e files: a stack per file (server with demo data, the test seller,
// the browser build) and a browser, and per test a fresh browser context in the seller's
// locale, signed in when asked. Contexts a test opened are closed after it, pass or fail, so
// every test starts from nothing but the stack and can run alone (`-t "name"`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { AppPage } from '../pages/app-page';
import { chromiumAvailable, chromiumPath, launchChromium } from './browser';
import { translator } from './i18n';
import type { T, TestLocale } from './i18n';
import { startStack } from './stack';
import type { Stack } from './stack';

export const intl: Record<TestLocale, string> = { en: 'en-GB', it: 'it-IT' };

/** A describe that runs only where the Chromium of STACK.md is, and says so otherwise. */
export const describeE2e = (
  name: string,
  body: () => void,
  also: { ready: boolean; why: string } = { ready: true, why: '' },
): void => {
  const ready = chromiumAvailable() && also.ready;
  if (!ready) {
    console.warn(
      `e2e skipped: ${chromiumAvailable() ? also.why : `no Chromium at ${chromiumPath} (set CHROMIUM_PATH)`}`,
    );
  }
  describe.skipIf(!ready)(name, body);
};

export type Session = {
  app: AppPage;
  page: Page;
  context: BrowserContext;
  t: T;
  locale: TestLocale;
};

export type SessionOptions = BrowserContextOptions & {
  /** Another browser of the file (e.g. one with a fake camera); the file's own by default. */
  browser?: Browser;
  /** Runs on the new page before the app loads (clock, routes, request listeners). */
  before?: (page: Page) => Promise<unknown> | void;
};

export type SignInOptions = SessionOptions & {
  user?: { email: string; password: string };
  /** Wait until the first sync is over (the default), or go on as soon as the app opens. */
  synced?: boolean;
};

export type E2eOptions = {
  /** Chromium flags for the file's browser (computed once the stack is up). */
  chromiumArgs?: () => Promise<string[]> | string[];
  /** The office's own setup on the stack, once per file (users, web form routing). */
  setup?: (stack: Stack) => Promise<void>;
  /** Files that launch their own (persistent) browsers. */
  browser?: boolean;
};

export type E2e = {
  readonly stack: Stack;
  readonly browser: Browser;
  /** A temporary folder for the file's downloads and generated inputs, removed at its end. */
  scratchDir: (label: string) => string;
  /** A fresh browser context in the locale, closed after the test. */
  newContext: (locale: TestLocale, options?: SessionOptions) => Promise<BrowserContext>;
  /** Remembers a context or browser opened elsewhere so it is closed after the test. */
  track: (closable: { close: () => Promise<void> }) => void;
  /** A fresh context with the app open on its first screen (sign-in). */
  openApp: (locale: TestLocale, options?: SessionOptions) => Promise<Session>;
  /** A fresh context signed in as the test seller (or `user`), synced unless told not to. */
  signIn: (locale: TestLocale, options?: SignInOptions) => Promise<Session>;
};

/** Starts the file's stack and browser; call once at the top of the file's describe. */
export const useE2e = (options: E2eOptions = {}): E2e => {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  const opened: { close: () => Promise<void> }[] = [];
  const scratch: string[] = [];

  beforeAll(async () => {
    stack = await startStack();
    await options.setup?.(stack);
    if (options.browser !== false) browser = await launchChromium(await options.chromiumArgs?.());
  }, 600_000);

  afterEach(async () => {
    // Newest first: a page's browser closes after its contexts.
    for (const closable of opened.splice(0).reverse()) {
      await closable.close().catch(() => undefined);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  });

  const need = <V>(value: V | undefined, what: string): V => {
    if (value === undefined) throw new Error(`the e2e ${what} is not started`);
    return value;
  };

  const e2e: E2e = {
    get stack() {
      return need(stack, 'stack');
    },
    get browser() {
      return need(browser, 'browser');
    },
    scratchDir: (label) => {
      const dir = mkdtempSync(join(tmpdir(), `fairlead-e2e-${label}-`));
      scratch.push(dir);
      return dir;
    },
    track: (closable) => {
      opened.push(closable);
    },
    newContext: async (locale, { browser: other, before: _before, ...contextOptions } = {}) => {
      const context = await (other ?? e2e.browser).newContext({
        locale: intl[locale],
        viewport: { width: 1366, height: 900 },
        ...contextOptions,
      });
      opened.push(context);
      return context;
    },
    openApp: async (locale, sessionOptions = {}) => {
      const context = await e2e.newContext(locale, sessionOptions);
      const page = await context.newPage();
      await sessionOptions.before?.(page);
      const t = translator(locale);
      const app = new AppPage(page, t, locale);
      await app.open(e2e.stack.appUrl);
      return { app, page, context, t, locale };
    },
    signIn: async (locale, { user, synced = true, ...sessionOptions } = {}) => {
      const session = await e2e.openApp(locale, sessionOptions);
      const { email, password } = user ?? e2e.stack.seller;
      await session.app.signIn(email, password);
      if (synced) await session.app.waitForSynced();
      return session;
    },
  };
  return e2e;
};

/**
 * Setup several tests of a file need (a whole sales walk whose documents later tests read):
 * made by the first test that asks, shared with the later ones, and made again when it failed,
 * so each test still runs alone.
 */
export const sharedSetup = <V>(make: () => Promise<V>): (() => Promise<V>) => {
  let made: Promise<V> | null = null;
  return () => {
    made ??= make().catch((error: unknown) => {
      made = null;
      throw error;
    });
    return made;
  };
};
