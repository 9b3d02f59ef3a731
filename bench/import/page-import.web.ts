// Lead import throughput in Chromium: a generated attendee list (Dynamics 365 headers) read,
// planned (rules and duplicate look-up) and written through the device's import, beside a
// plain bulk insert of the same leads into a second fresh store.
import type { Actor } from '../../shared/domain/context';
import { createLead } from '../../shared/domain/lead';
import type { Activity, Lead } from '../../shared/domain/records';
import { formatCsv, parseCsv } from '../../shared/import/csv';
import { guessMapping } from '../../shared/import/lead-columns';
import { createFairleadDatabase } from '../../renderer/data/database';
import { planDeviceLeadImport, writeLeadImport } from '../../renderer/data/lead-import';
import type { LeadImportWrite } from '../../renderer/data/lead-import';
import { bulkInsertChecked } from '../../renderer/data/write';

const actor: Actor = {
  userId: '0190a000-0000-7000-8000-000000000001',
  role: 'seller',
  teamId: null,
};
const headers = [
  'First Name',
  'Last Name',
  'Company Name',
  'Job Title',
  'Email',
  'Business Phone',
  'City',
];

const attendeeCsv = (rows: number): string =>
  formatCsv([
    headers,
    ...Array.from({ length: rows }, (_, i) => [
      'Visitor',
      `Number${i}`,
      `Company ${i % 700}`,
      'Buyer',
      `visitor.${i}@example.com`,
      `+39 049 ${String(i).padStart(6, '0')}`,
      'Padova',
    ]),
  ]);

// One store at a time: RxDB's open-source build allows 13 collections per realm.
export const leadImportThroughput = async (rows: number) => {
  const text = attendeeCsv(rows);
  const stamp = Date.now();
  const db = await createFairleadDatabase({ name: `bench_import_${stamp}`, multiInstance: false });
  let imported;
  let writes: LeadImportWrite[];
  try {
    const t0 = performance.now();
    const table = parseCsv(text);
    const t1 = performance.now();
    const plan = await planDeviceLeadImport(db, actor, table.rows, {
      mapping: guessMapping(table.headers),
      consent: { basis: 'file', given: false, wording: '' },
      fileName: 'bench.csv',
      source: 'trade_fair',
      now: new Date().toISOString(),
    });
    const t2 = performance.now();
    writes = plan.flatMap((r) =>
      r.kind === 'error' ? [] : [{ line: r.line, action: 'create' as const, input: r.input }],
    );
    const report = await writeLeadImport(db, actor, writes);
    const t3 = performance.now();
    imported = { created: report.created, parseMs: t1 - t0, planMs: t2 - t1, writeMs: t3 - t2 };
  } finally {
    await db.remove();
  }

  // The same leads, made by the same rule, inserted with two bulk writes and nothing else.
  const plain = await createFairleadDatabase({ name: `bench_bulk_${stamp}`, multiInstance: false });
  try {
    let n = 0;
    const ctx = { actor, now: new Date().toISOString(), newId: () => `bench-${stamp}-${n++}` };
    const leads: Lead[] = [];
    const activities: Activity[] = [];
    for (const w of writes) {
      const made = createLead(w.input, ctx);
      if (!made.ok) continue;
      for (const doc of made.value.writes) {
        if (doc.type === 'lead') leads.push(doc.doc);
        else if (doc.type === 'activity') activities.push(doc.doc);
      }
    }
    const t4 = performance.now();
    await bulkInsertChecked(plain, 'activity', activities);
    await bulkInsertChecked(plain, 'lead', leads);
    const t5 = performance.now();
    return { rows, ...imported, bulkMs: t5 - t4 };
  } finally {
    await plain.remove();
  }
};
