// Opportunity details: account/contact, close date, probability, rating, revenue mode.
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Opportunity } from '../../../../shared/domain/records';
import { leadRatings } from '../../../../shared/domain/records';
import { routeHref } from '../../../app/router';
import { useAction } from '../../../app/use-action';
import { useDraft } from '../../../app/use-draft';
import { inputToMinor, minorToInput } from '../../../i18n/format';
import { useFormat } from '../../../i18n/use-format';
import { Button } from '../../../ui/Button';
import { DateField } from '../../../ui/DateField';
import { ReadField, SelectField, TextField } from '../../../ui/Field';
import type { OpenForecastCategory } from '../../../../shared/domain/forecast';
import {
  defaultForecastCategory,
  forecastCategoryOf,
  openForecastCategories,
} from '../../../../shared/domain/forecast';
import { Notice } from '../../../ui/Notice';
import { useAccountName, useContactName } from '../../accounts/queries';
import { usePriceLists } from '../../lines/queries';
import { useOpportunityCommands } from '../commands';

type Editable = Pick<
  Opportunity,
  'topic' | 'estimatedCloseDate' | 'probability' | 'rating' | 'forecastCategory'
>;

export const OpportunityForm = ({ opportunity: o }: { opportunity: Opportunity }) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const commands = useOpportunityCommands();
  const action = useAction();
  const draft = useDraft<Editable>(o);
  const accountName = useAccountName(o.accountId);
  const contactName = useContactName(o.contactId);
  const readOnly = o.state !== 'open';
  const v = draft.value;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const done = await action.run(() => commands.update(o.id, draft.changed));
    if (done !== undefined) draft.reset();
  };
  return (
    <form className="panel" onSubmit={(e) => void save(e)} aria-label={t('common.details')}>
      <dl className="read-grid">
        <ReadField label={t('common.account')}>
          {o.accountId ? <a href={routeHref('accounts', o.accountId)}>{accountName ?? '…'}</a> : ''}
        </ReadField>
        <ReadField label={t('common.contact')}>
          {o.contactId ? <a href={routeHref('contacts', o.contactId)}>{contactName ?? '…'}</a> : ''}
        </ReadField>
        <ReadField label={t('opportunity.stage')}>{t(`opportunity.stages.${o.stage}`)}</ReadField>
        {readOnly ? (
          <ReadField label={t('opportunity.forecastCategory')}>
            {t(`opportunity.forecastCategories.${forecastCategoryOf(o)}`)}
          </ReadField>
        ) : null}
        {o.actualRevenue !== null ? (
          <ReadField label={t('opportunity.actualRevenue')}>
            {fmt.money(o.actualRevenue, o.currency)}
          </ReadField>
        ) : null}
        {o.actualCloseDate ? (
          <ReadField label={t('opportunity.actualCloseDate')}>
            {fmt.date(o.actualCloseDate)}
          </ReadField>
        ) : null}
        {o.competitor ? (
          <ReadField label={t('opportunity.competitor')}>{o.competitor}</ReadField>
        ) : null}
      </dl>
      {readOnly ? (
        // A closed deal is a record of what happened: read, not edit (Reopen to change it).
        <dl className="read-grid">
          <ReadField label={t('opportunity.topic')}>{o.topic}</ReadField>
          <ReadField label={t('opportunity.estimatedCloseDate')}>
            {fmt.date(o.estimatedCloseDate)}
          </ReadField>
          <ReadField label={t('opportunity.probability')}>{String(o.probability)}</ReadField>
          <ReadField label={t('opportunity.rating')}>{t(`lead.ratings.${o.rating}`)}</ReadField>
          <ReadField label={t('opportunity.estimatedRevenue')}>
            {fmt.money(o.estimatedRevenue, o.currency)}
          </ReadField>
        </dl>
      ) : (
        <div className="form-grid">
          <TextField
            label={t('opportunity.topic')}
            value={v.topic}
            onChange={(e) => draft.set('topic', e.target.value)}
          />
          <DateField
            label={t('opportunity.estimatedCloseDate')}
            value={v.estimatedCloseDate ?? ''}
            onChange={(iso) => draft.set('estimatedCloseDate', iso || null)}
          />
          <TextField
            label={t('opportunity.probability')}
            type="number"
            min={0}
            max={100}
            value={String(v.probability)}
            onChange={(e) =>
              draft.set(
                'probability',
                Math.max(0, Math.min(100, Math.round(Number(e.target.value) || 0))),
              )
            }
          />
          <SelectField
            label={t('opportunity.rating')}
            value={v.rating}
            onChange={(e) => draft.set('rating', e.target.value as Opportunity['rating'])}
            options={leadRatings.map((r) => ({ value: r, label: t(`lead.ratings.${r}`) }))}
          />
          <SelectField
            label={t('opportunity.forecastCategory')}
            value={v.forecastCategory ?? ''}
            onChange={(e) =>
              draft.set(
                'forecastCategory',
                e.target.value === '' ? null : (e.target.value as OpenForecastCategory),
              )
            }
            options={[
              {
                value: '',
                label: t('opportunity.forecastAuto', {
                  category: t(
                    `opportunity.forecastCategories.${defaultForecastCategory({ ...o, ...v })}`,
                  ),
                }),
              },
              ...openForecastCategories.map((c) => ({
                value: c,
                label: t(`opportunity.forecastCategories.${c}`),
              })),
            ]}
          />
          <PriceListField opportunity={o} readOnly={false} />
          <RevenueFields opportunity={o} readOnly={false} />
        </div>
      )}
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      {readOnly ? null : (
        <div className="toolbar">
          <Button type="submit" variant="primary" disabled={!draft.dirty || action.busy}>
            {t('common.save')}
          </Button>
        </div>
      )}
    </form>
  );
};

// Estimated revenue: calculated from the lines (system) or typed in (user).
const RevenueFields = ({
  opportunity: o,
  readOnly,
}: {
  opportunity: Opportunity;
  readOnly: boolean;
}) => {
  const { t } = useTranslation();
  const commands = useOpportunityCommands();
  const action = useAction();
  return (
    <>
      <SelectField
        label={t('opportunity.revenueMode')}
        value={o.revenueMode}
        disabled={readOnly}
        onChange={(e) =>
          void action.run(() =>
            commands.setRevenueMode(
              o.id,
              e.target.value === 'system'
                ? { mode: 'system' }
                : { mode: 'user', estimatedRevenue: o.estimatedRevenue },
            ),
          )
        }
        options={[
          { value: 'system', label: t('opportunity.revenueModes.system') },
          { value: 'user', label: t('opportunity.revenueModes.user') },
        ]}
      />
      <TextField
        key={`${o.revenueMode}:${o.estimatedRevenue}`}
        label={`${t('opportunity.estimatedRevenue')} (${o.currency})`}
        inputMode="decimal"
        defaultValue={minorToInput(o.estimatedRevenue, o.currency)}
        readOnly={readOnly || o.revenueMode === 'system'}
        onBlur={(e) => {
          const estimatedRevenue = inputToMinor(e.target.value, o.currency);
          if (
            o.revenueMode === 'user' &&
            estimatedRevenue !== null &&
            estimatedRevenue !== o.estimatedRevenue
          )
            void action.run(() =>
              commands.setRevenueMode(o.id, { mode: 'user', estimatedRevenue }),
            );
        }}
        error={action.error}
      />
    </>
  );
};

// The price list catalog lines are priced from (in the opportunity's currency).
const PriceListField = ({
  opportunity: o,
  readOnly,
}: {
  opportunity: Opportunity;
  readOnly: boolean;
}) => {
  const { t } = useTranslation();
  const commands = useOpportunityCommands();
  const action = useAction();
  const lists = usePriceLists(o.currency);
  return (
    <SelectField
      label={t('opportunity.priceList')}
      value={o.priceListId ?? ''}
      disabled={readOnly}
      error={action.error}
      onChange={(e) =>
        void action.run(() => commands.update(o.id, { priceListId: e.target.value || null }))
      }
      options={[
        { value: '', label: t('common.none') },
        ...(lists ?? []).map((l) => ({ value: l.id, label: `${l.name} (${l.currency})` })),
      ]}
    />
  );
};
