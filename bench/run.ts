// `npm run bench`: the performance budgets of DESIGN.md §7 measured on this machine, each
// figure beside the reference it is judged against. Flags: --quick, --sizes 10000,50000,
// --only device|sync|server|documents|backup|ocr|import|scan|dashboard, --devices N, --share N,
// --opportunities N (dashboard: the manager team's share, 25k unless --quick),
// --cards N (ocr), --rows N (import), --backup-size N (documents of the office backed up and
// restored; the full office, ≈ 500k, unless --quick).
import { mkdirSync } from 'node:fs';
import { runDeviceSuite } from './device/suite';
import { runInvoicePdfSuite } from './documents/pdf-suite';
import { runDocumentsSuite } from './documents/suite';
import { runImportSuite } from './import/suite';
import { runScanSuite } from './scan/suite';
import { runDashboardSuite } from './dashboard/suite';
import {
  bundleBenchPage,
  chromiumAvailable,
  chromiumVersion,
  launchBenchChromium,
} from './lib/browser';
import { createRecorder } from './lib/figures';
import { resultsDir } from './lib/figures';
import { collectVersions } from './lib/versions';
import { writeSummary } from './lib/summary';
import { runBackupSuite } from './backup/suite';
import { runOcrSuite } from './ocr/suite';
import { runServerSuite } from './server/suite';
import { runSyncSuite } from './sync/suite';

type Suite =
  'device' | 'sync' | 'server' | 'documents' | 'backup' | 'ocr' | 'import' | 'scan' | 'dashboard';

const flag = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

const quick = process.argv.includes('--quick');
const only = flag('only') as Suite | undefined;
const sizes = (flag('sizes') ?? (quick ? '1000' : '10000,50000,100000'))
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
const share = Number(flag('share') ?? (quick ? 1000 : 50_000));
const devices = Number(flag('devices') ?? (quick ? 20 : 500));
const backupSize = Number(flag('backup-size') ?? (quick ? 2_000 : 506_000));
const cards = Number(flag('cards') ?? (quick ? 6 : 30));
const importRows = Number(flag('rows') ?? (quick ? 1000 : 10_000));
const teamOpportunities = Number(flag('opportunities') ?? (quick ? 2_500 : 25_000));
const pgUrl = process.env.FAIRLEAD_TEST_PG_URL;
const wants = (suite: Suite) => only === undefined || only === suite;

const main = async (): Promise<void> => {
  const started = Date.now();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  mkdirSync(resultsDir, { recursive: true });
  const browserNeeded =
    wants('device') ||
    wants('sync') ||
    wants('documents') ||
    wants('ocr') ||
    wants('import') ||
    wants('dashboard');
  const hasChromium = chromiumAvailable();
  if (browserNeeded && !hasChromium) {
    console.warn(
      'Chromium is not at /usr/bin/chromium (CHROMIUM_PATH): device and sync figures are skipped.',
    );
  }
  const versions = await collectVersions(hasChromium ? chromiumVersion() : null, pgUrl);
  const recorder = createRecorder(versions, stamp);
  const browser = browserNeeded && hasChromium ? await launchBenchChromium() : null;
  try {
    const script = browser ? await bundleBenchPage() : '';
    if (browser && wants('device')) {
      for (const leads of sizes) {
        await runDeviceSuite(browser, script, recorder, {
          leads,
          captures: quick ? 20 : 100,
          searchWords: quick ? 5 : 20,
        });
      }
    }
    if (browser && wants('documents')) {
      await runDocumentsSuite(browser, script, recorder, { lines: 50, rounds: quick ? 20 : 200 });
      await runInvoicePdfSuite(browser, script, recorder, { lines: 50, rounds: quick ? 3 : 10 });
    }
    if (browser && wants('import')) {
      await runImportSuite(browser, script, recorder, { rows: importRows });
    }
    if (browser && wants('dashboard')) {
      await runDashboardSuite(browser, script, recorder, { opportunities: teamOpportunities });
    }
    if (browser && wants('sync')) {
      await runSyncSuite(browser, script, recorder, { documents: share });
    }
    if (browser && wants('ocr')) {
      await runOcrSuite(browser, recorder, { cards });
    }
    if (wants('scan')) await runScanSuite(recorder, { frames: quick ? 20 : 100 });
    if (wants('server')) {
      for (const records of sizes) {
        await runServerSuite(recorder, { records, devices, rounds: quick ? 1 : 2, pgUrl, quick });
      }
    }
    if (wants('backup')) await runBackupSuite(recorder, { documents: backupSize, pgUrl });
  } finally {
    await browser?.close();
  }
  writeSummary(recorder, { quick, seconds: (Date.now() - started) / 1000 });
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
