// The bench page's contract (bench/device/page.web.ts): what the Node side may call in
// Chromium through page.evaluate. Plain data in and out.
export type SyncAccount = { email: string; password: string };

export type BenchApi = {
  /** Stores opened from now on are encrypted at rest (AES-GCM, a fresh data key) or not. */
  setEncryption(on: boolean): Promise<void>;
  loadLeads(
    count: number,
    seed: number,
  ): Promise<{
    written: number;
    ms: number;
    buildMs: number;
    opportunities: number;
    /** The store's name, and last names of a few of its leads (for `attach`). */
    store: string;
    words: string[];
  }>;
  /** Opens a store an earlier page loaded (a fresh page on the same origin storage). */
  attach(store: string, words: readonly string[]): Promise<void>;
  /** Closes and reopens the store as the app starts; ms from the start of the open. */
  startUp(): Promise<{
    openMs: number;
    paintedMs: number;
    interactiveMs: number;
    searchMs: number;
    pipelineMs: number;
  }>;
  listFirstRows(): Promise<{ ms: number; queriedMs: number; total: number }>;
  searchAsYouType(words: number): Promise<{ indexMs: number; samples: number[]; hits: number }>;
  captureToList(rounds: number): Promise<{ samples: number[]; commandSamples: number[] }>;
  pipelineTotals(): Promise<{
    ms: number;
    editMs: number;
    boardMs: number;
    opportunities: number;
    totals: (readonly [string, number])[];
  }>;
  /** Renders a generated `lines`-line invoice to PDF `rounds` times with the given fonts. */
  renderInvoicePdf(
    fonts: { regular: string; bold: string },
    lines: number,
    rounds: number,
  ): Promise<{ samples: number[]; bytes: number; pages: number }>;
  /** Builds a `lines`-line invoice's FatturaPA and UBL XML `rounds` times (ms per build). */
  eInvoiceXml(lines: number, rounds: number): { fatturaPa: number[]; ubl: number[]; bytes: number };
  /** A `rows`-row attendee CSV through the device's import, and the same leads bulk-inserted. */
  leadImport(rows: number): Promise<{
    rows: number;
    created: number;
    parseMs: number;
    planMs: number;
    writeMs: number;
    bulkMs: number;
  }>;
  /** The manager dashboard's first paint over `opportunities` of a team (page-dashboard.web). */
  dashboardFirstPaint(
    opportunities: number,
    seed: number,
  ): Promise<{
    ms: number;
    loadMs: number;
    /** The dashboard's derived state built once from every record, after the load. */
    buildMs: number;
    /** How each of the dashboard's collections was loaded on the reopened store. */
    loadedFrom: string;
    written: number;
    rows: number;
    opportunities: number;
  }>;
  heap(): number | null;
  close(): Promise<void>;
  firstSync(
    account: SyncAccount,
  ): Promise<{ ms: number; documents: number; progress: [number, number][] }>;
  /** Indexed: into object stores with the device store's indexes and bookkeeping fields. */
  rawIndexedDbWrite(
    account: SyncAccount,
    batch: number,
    indexed?: boolean,
  ): Promise<{ ms: number; documents: number; fetchMs: number }>;
  pouchReplicate(
    remoteUrl: string,
    batchSize: number,
  ): Promise<{ ms: number; documents: number; written: number }>;
};

/** The page's global, as page.evaluate callbacks see it. */
export type BenchGlobal = { fairleadBench: BenchApi };
