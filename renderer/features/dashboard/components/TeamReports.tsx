// Win rate and deal size per seller and period, the lead funnel, leads by source and by fair,
// activities per seller, and overdue invoices.
import { useTranslation } from 'react-i18next';
import type { Period } from '../../../../shared/dashboard';
import { workTypes } from '../../../../shared/dashboard';
import { useFormat } from '../../../i18n/use-format';
import type { DashboardFigures } from '../queries';
import { BarsChart, palette } from './charts';
import { ReportCard } from './ReportCard';
import { useMoneyCell } from './PipelineReports';

const percent = (share: number | null): string =>
  share === null ? '—' : `${Math.round(share * 1000) / 10}%`;

export const TeamReports = ({ figures, period }: { figures: DashboardFigures; period: Period }) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = useMoneyCell();
  const { currency, sellerName } = figures;
  const win = figures.winRates.rows;
  return (
    <>
      <ReportCard
        id="win-rate"
        title={t('dashboard.winRate', { period: t(`dashboard.periods.${period}`) })}
        chart={
          <BarsChart
            category="name"
            data={win.map((r) => ({
              name: `${sellerName(r.ownerId)} ${r.period}`,
              rate: Math.round((r.winRate ?? 0) * 100),
            }))}
            series={[{ key: 'rate', name: t('dashboard.winRateShort'), color: palette[2] ?? '' }]}
          />
        }
        table={{
          columns: [
            t('dashboard.seller'),
            t('dashboard.period'),
            t('dashboard.won'),
            t('dashboard.lost'),
            t('dashboard.winRateShort'),
            t('dashboard.wonAmount', { currency }),
            t('dashboard.averageDeal', { currency }),
          ],
          rows: win.map((r) => [
            sellerName(r.ownerId),
            r.period,
            String(r.won),
            String(r.lost),
            { shown: percent(r.winRate), csv: r.winRate === null ? '' : String(r.winRate) },
            money(r.wonAmount, currency),
            r.averageDealSize === null ? '—' : money(r.averageDealSize, currency),
          ]),
        }}
      />
      <ReportCard
        id="funnel"
        title={t('dashboard.funnel')}
        chart={
          <BarsChart
            category="name"
            layout="vertical"
            data={figures.funnel.map((r) => ({
              name: t(`dashboard.funnelSteps.${r.step}`),
              count: r.count,
            }))}
            series={[{ key: 'count', name: t('dashboard.count'), color: palette[0] ?? '' }]}
          />
        }
        table={{
          columns: [t('dashboard.step'), t('dashboard.count'), t('dashboard.fromPrevious')],
          rows: figures.funnel.map((r) => [
            t(`dashboard.funnelSteps.${r.step}`),
            String(r.count),
            {
              shown: percent(r.fromPrevious),
              csv: r.fromPrevious === null ? '' : String(r.fromPrevious),
            },
          ]),
        }}
      />
      <ReportCard
        id="leads-by-source"
        title={t('dashboard.leadsBySource')}
        chart={
          <BarsChart
            category="name"
            data={figures.sources.map((r) => ({
              name: t(`lead.sources.${r.source}`),
              count: r.count,
              qualified: r.qualified,
            }))}
            series={[
              { key: 'count', name: t('dashboard.leads'), color: palette[0] ?? '' },
              { key: 'qualified', name: t('dashboard.qualified'), color: palette[2] ?? '' },
            ]}
          />
        }
        table={{
          columns: [t('dashboard.source'), t('dashboard.leads'), t('dashboard.qualified')],
          rows: figures.sources.map((r) => [
            t(`lead.sources.${r.source}`),
            String(r.count),
            String(r.qualified),
          ]),
        }}
      />
      <ReportCard
        id="leads-by-fair"
        title={t('dashboard.leadsByFair')}
        chart={
          <BarsChart
            category="name"
            layout="vertical"
            data={figures.fairs.slice(0, 12).map((r) => ({
              name: r.name || t('dashboard.noFair'),
              count: r.count,
              qualified: r.qualified,
            }))}
            series={[
              { key: 'count', name: t('dashboard.leads'), color: palette[0] ?? '' },
              { key: 'qualified', name: t('dashboard.qualified'), color: palette[2] ?? '' },
            ]}
          />
        }
        table={{
          columns: [t('dashboard.fair'), t('dashboard.leads'), t('dashboard.qualified')],
          rows: figures.fairs.map((r) => [
            r.name || t('dashboard.noFair'),
            String(r.count),
            String(r.qualified),
          ]),
        }}
      />
      <ReportCard
        id="activities"
        title={t('dashboard.activities')}
        chart={
          <BarsChart
            category="name"
            layout="vertical"
            data={figures.activities.map((r) => ({ name: sellerName(r.ownerId), ...r.byType }))}
            series={workTypes.map((w, i) => ({
              key: w,
              name: t(`timeline.types.${w}`),
              color: palette[i] ?? '',
              stack: 'work',
            }))}
          />
        }
        table={{
          columns: [
            t('dashboard.seller'),
            ...workTypes.map((w) => t(`timeline.types.${w}`)),
            t('dashboard.total'),
            t('dashboard.overdueTasks'),
          ],
          rows: figures.activities.map((r) => [
            sellerName(r.ownerId),
            ...workTypes.map((w) => String(r.byType[w])),
            String(r.total),
            String(r.overdue),
          ]),
        }}
      />
      <ReportCard
        id="overdue-invoices"
        title={t('dashboard.overdueInvoices', {
          total: fmt.money(figures.overdue.total, currency),
        })}
        chart={
          <BarsChart
            category="name"
            data={figures.overdue.rows
              .slice(0, 20)
              .map((r) => ({ name: r.number, balance: (r.balanceInBase ?? 0) / 100 }))}
            series={[
              { key: 'balance', name: t('dashboard.owed', { currency }), color: palette[5] ?? '' },
            ]}
          />
        }
        table={{
          columns: [
            t('dashboard.invoice'),
            t('dashboard.seller'),
            t('dashboard.dueDate'),
            t('dashboard.daysOverdue'),
            t('dashboard.owedInCurrency'),
            t('dashboard.owed', { currency }),
          ],
          rows: figures.overdue.rows.map((r) => [
            r.number,
            sellerName(r.ownerId),
            { shown: fmt.date(r.dueDate), csv: r.dueDate },
            String(r.daysOverdue),
            money(r.balance, r.currency),
            r.balanceInBase === null ? '—' : money(r.balanceInBase, currency),
          ]),
        }}
      />
    </>
  );
};
