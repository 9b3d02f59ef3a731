// The sales manager's dashboard: the team's records on this device (offline too, for what it
// has synced), in the office's base currency with the office's exchange rates.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Period } from '../../../../shared/dashboard';
import { useDashboardFigures } from '../queries';
import { PipelineReports } from './PipelineReports';
import { TeamReports } from './TeamReports';

const periods: readonly Period[] = ['month', 'quarter', 'year'];

export const ManagerDashboard = () => {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<Period>('quarter');
  const figures = useDashboardFigures(period);
  return (
    <section className="page dashboard" aria-labelledby="dashboard-title">
      <div className="page-head">
        <h1 id="dashboard-title">{t('dashboard.title')}</h1>
        <label className="inline-field">
          {t('dashboard.periodLabel')}{' '}
          <select value={period} onChange={(e) => setPeriod(e.target.value as Period)}>
            {periods.map((p) => (
              <option key={p} value={p}>
                {t(`dashboard.periods.${p}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="hint">{t('dashboard.intro', { currency: figures?.currency ?? 'EUR' })}</p>
      {figures === undefined ? (
        <p role="status">{t('dashboard.loading')}</p>
      ) : (
        <div className="reports">
          <PipelineReports figures={figures} />
          <TeamReports figures={figures} period={period} />
        </div>
      )}
    </section>
  );
};
