// Dashboard first paint on a manager's device: the team's share of the office (N
// opportunities with their leads, accounts, invoices and activities) loaded into the real
// store, the dashboard's derived state built once and saved (as after a first sync), the
// store reopened cold, then the real ManagerDashboard rendered until every report's table and
// chart are in the page and a frame is painted.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { generateDataset } from '../../shared/dataset';
import { createFairleadDatabase } from '../../renderer/data/database';
import { loadDataset } from '../../renderer/data/load';
import { createStoreQueries } from '../../renderer/app/store-queries';
import {
  dashboardLoadedFrom,
  prepareDashboard,
  saveDashboard,
} from '../../renderer/data/queries/dashboard';
import { ServicesProvider } from '../../renderer/app/services';
import type { AppServices } from '../../renderer/app/store-port';
import { initI18n } from '../../renderer/i18n';
import { ManagerDashboard } from '../../renderer/features/dashboard/components/ManagerDashboard';

// The reports of ManagerDashboard (PipelineReports: 3, TeamReports: 6).
const REPORTS = 9;

const painted = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

export const dashboardFirstPaint = async (opportunities: number, seed: number) => {
  const name = `bench_dashboard_${opportunities}_${Date.now()}`;
  const dataset = generateDataset({
    seed,
    sellers: 10,
    teams: 1,
    leads: opportunities * 2,
    accounts: Math.ceil(opportunities * 0.8),
    contacts: opportunities,
    opportunities,
    quotes: 0,
    orders: Math.ceil(opportunities / 3),
    invoices: Math.ceil(opportunities / 3),
    activities: opportunities * 2,
  });
  let db = await createFairleadDatabase({ name, multiInstance: false });
  const t0 = performance.now();
  const written = await loadDataset(db, {
    refdata: dataset.refdata,
    account: dataset.accounts,
    contact: dataset.contacts,
    lead: dataset.leads,
    opportunity: dataset.opportunities,
    order: dataset.orders,
    invoice: dataset.invoices,
    activity: dataset.activities,
  });
  const loadMs = performance.now() - t0;
  const b0 = performance.now();
  await prepareDashboard(db);
  const buildMs = performance.now() - b0;
  await saveDashboard(db);
  await db.close();
  db = await createFairleadDatabase({ name, multiInstance: false });
  initI18n('en');
  const manager = dataset.users.find((u) => u.role === 'manager') ?? dataset.users[0];
  const services = {
    user: {
      id: manager?.id ?? 'manager',
      email: manager?.email ?? '',
      name: manager?.name ?? '',
      role: 'manager',
      teamId: manager?.teamId ?? null,
    },
    queries: createStoreQueries(db),
  } as unknown as AppServices;

  const host = document.createElement('div');
  document.body.replaceChildren(host);
  const start = performance.now();
  const root = createRoot(host);
  root.render(
    createElement(ServicesProvider, { services, children: createElement(ManagerDashboard) }),
  );
  for (;;) {
    const tables = host.querySelectorAll('section[data-report] table').length;
    const charts = host.querySelectorAll('section[data-report] .recharts-wrapper').length;
    if (tables >= REPORTS && charts >= REPORTS) break;
    if (performance.now() - start > 120_000)
      throw new Error('the dashboard did not paint in 2 minutes');
    await painted();
  }
  await painted();
  const ms = performance.now() - start;
  const rows = host.querySelectorAll('section[data-report] tbody tr').length;
  // Read back from the saved state, not rebuilt: otherwise the figure measures a scan.
  const loadedFrom = dashboardLoadedFrom(db).join(',');
  root.unmount();
  await db.remove();
  return {
    ms,
    loadMs,
    buildMs,
    loadedFrom,
    written,
    rows,
    opportunities: dataset.opportunities.length,
  };
};
