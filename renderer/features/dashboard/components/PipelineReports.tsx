// Pipeline by stage and by seller, and the forecast by close month and category.
import { useTranslation } from 'react-i18next';
import { forecastCategories } from '../../../../shared/domain/forecast';
import { useFormat } from '../../../i18n/use-format';
import { decimal } from '../csv-export';
import type { DashboardFigures } from '../queries';
import { BarsChart, BarsWithLineChart, palette } from './charts';
import type { Cell } from './ReportCard';
import { ReportCard } from './ReportCard';

const major = (minor: number): number => minor / 100;

export const useMoneyCell = () => {
  const fmt = useFormat();
  return (minor: number, currency: string): Cell => ({
    shown: fmt.money(minor, currency),
    csv: decimal(minor),
  });
};

export const PipelineReports = ({ figures }: { figures: DashboardFigures }) => {
  const { t } = useTranslation();
  const money = useMoneyCell();
  const { currency, byStage, bySeller, forecast, sellerName } = figures;
  const missing =
    byStage.missingRates.length > 0
      ? t('dashboard.missingRates', { currencies: byStage.missingRates.join(', ') })
      : undefined;
  const amountColumns = [
    t('dashboard.count'),
    t('dashboard.amount', { currency }),
    t('dashboard.weighted', { currency }),
  ];
  const categoryName = (c: string) => t(`opportunity.forecastCategories.${c}`);
  return (
    <>
      <ReportCard
        id="pipeline-by-stage"
        title={t('dashboard.pipelineByStage')}
        {...(missing === undefined ? {} : { note: missing })}
        chart={
          <BarsChart
            category="name"
            data={byStage.rows.map((r) => ({
              name: t(`opportunity.stages.${r.stage}`),
              amount: major(r.amount),
              weighted: major(r.weighted),
            }))}
            series={[
              { key: 'amount', name: t('dashboard.amountShort'), color: palette[0] ?? '' },
              { key: 'weighted', name: t('dashboard.weightedShort'), color: palette[1] ?? '' },
            ]}
          />
        }
        table={{
          columns: [t('dashboard.stage'), ...amountColumns],
          rows: byStage.rows.map((r) => [
            t(`opportunity.stages.${r.stage}`),
            String(r.count),
            money(r.amount, currency),
            money(r.weighted, currency),
          ]),
        }}
      />
      <ReportCard
        id="pipeline-by-seller"
        title={t('dashboard.pipelineBySeller')}
        chart={
          <BarsChart
            category="name"
            layout="vertical"
            data={bySeller.rows.map((r) => ({
              name: sellerName(r.ownerId),
              amount: major(r.amount),
              weighted: major(r.weighted),
            }))}
            series={[
              { key: 'amount', name: t('dashboard.amountShort'), color: palette[0] ?? '' },
              { key: 'weighted', name: t('dashboard.weightedShort'), color: palette[1] ?? '' },
            ]}
          />
        }
        table={{
          columns: [t('dashboard.seller'), ...amountColumns],
          rows: bySeller.rows.map((r) => [
            sellerName(r.ownerId),
            String(r.count),
            money(r.amount, currency),
            money(r.weighted, currency),
          ]),
        }}
      />
      <ReportCard
        id="forecast"
        title={t('dashboard.forecast')}
        {...(forecast.undated > 0
          ? { note: t('dashboard.undated', { count: forecast.undated }) }
          : {})}
        chart={
          <BarsWithLineChart
            category="month"
            data={forecast.rows.map((r) => ({
              month: r.month,
              ...Object.fromEntries(forecastCategories.map((c) => [c, major(r.categories[c])])),
              weighted: major(r.weighted),
            }))}
            series={forecastCategories.map((c, i) => ({
              key: c,
              name: categoryName(c),
              color: palette[i] ?? '',
            }))}
            line={{ key: 'weighted', name: t('dashboard.weightedShort'), color: '#000000' }}
          />
        }
        table={{
          columns: [
            t('dashboard.month'),
            ...forecastCategories.map(categoryName),
            t('dashboard.weighted', { currency }),
          ],
          rows: [
            ...forecast.rows.map((r) => [
              r.month,
              ...forecastCategories.map((c) => money(r.categories[c], currency)),
              money(r.weighted, currency),
            ]),
            ...(forecast.rows.length === 0
              ? []
              : [
                  [
                    t('dashboard.total'),
                    ...forecastCategories.map((c) =>
                      money(forecast.totals.categories[c], currency),
                    ),
                    money(forecast.totals.weighted, currency),
                  ],
                ]),
          ],
        }}
      />
    </>
  );
};
