// Schema validation with Debian's xmllint (libxml2-utils), many files per call: one process
// for hundreds of documents keeps the suite fast. Offline: the FatturaPA schema's xmldsig
// import resolves through the XML catalog in the reference data.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const repoRoot = new URL('../../', import.meta.url).pathname;

// The reference data sits beside the repository (../shared/refdata); from a git worktree,
// beside the main checkout. FAIRLEAD_REFDATA overrides both.
const findRefdata = (): string => {
  const mainCheckout = (): string => {
    const common = execFileSync(
      'git',
      ['rev-parse', '--path-format=absolute', '--git-common-dir'],
      {
        cwd: repoRoot,
        encoding: 'utf8',
      },
    ).trim();
    return dirname(common);
  };
  const candidates = [process.env['FAIRLEAD_REFDATA'], resolve(repoRoot, '../shared/refdata')];
  for (const dir of candidates) if (dir && existsSync(dir)) return dir;
  const beside = resolve(mainCheckout(), '../shared/refdata');
  if (existsSync(beside)) return beside;
  throw new Error(
    `The reference schemas are missing: looked in ${[...candidates, beside].join(', ')}`,
  );
};

export const REFDATA = findRefdata();
export const schemas = {
  fatturapa: join(REFDATA, 'fatturapa/Schema_del_file_xml_FatturaPA_v1.2.2.xsd'),
  ublInvoice: join(REFDATA, 'ubl-2.1/xsd/maindoc/UBL-Invoice-2.1.xsd'),
  ublCreditNote: join(REFDATA, 'ubl-2.1/xsd/maindoc/UBL-CreditNote-2.1.xsd'),
} as const;

export type Verdicts = Map<string, { valid: boolean; errors: string[] }>;

/** Writes the documents to a fresh folder; answers their paths, in order. */
export const writeDocuments = (label: string, xmls: readonly string[]): string[] => {
  const dir = mkdtempSync(join(tmpdir(), `fairlead-${label}-`));
  return xmls.map((xml, i) => {
    const file = join(dir, `${String(i).padStart(4, '0')}.xml`);
    writeFileSync(file, xml);
    return file;
  });
};

/** Validates every file against a schema in one xmllint run; a verdict per file. */
export const validateAll = (schema: string, files: readonly string[]): Verdicts => {
  const run = spawnSync('xmllint', ['--nonet', '--noout', '--schema', schema, ...files], {
    encoding: 'utf8',
    env: { ...process.env, XML_CATALOG_FILES: join(REFDATA, 'fatturapa/xmlcatalog-offline.xml') },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  const verdicts: Verdicts = new Map(files.map((f) => [f, { valid: false, errors: [] }]));
  for (const line of `${run.stdout}\n${run.stderr}`.split('\n')) {
    const file = files.find((f) => line.startsWith(f));
    if (file === undefined) continue;
    const verdict = verdicts.get(file);
    if (verdict === undefined) continue;
    if (line === `${file} validates`) verdict.valid = true;
    else if (!line.endsWith('fails to validate')) verdict.errors.push(line.slice(file.length));
  }
  return verdicts;
};

/** The files that did not validate, with their first errors (for a readable failure). */
export const invalid = (verdicts: Verdicts): string[] =>
  [...verdicts.entries()]
    .filter(([, v]) => !v.valid)
    .map(([file, v]) => `${file}: ${v.errors.slice(0, 3).join(' | ')}`);
