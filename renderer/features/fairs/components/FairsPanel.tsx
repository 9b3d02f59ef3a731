// Settings' trade fairs: which fair is current (fair mode tags every capture with it), and the
// fairs themselves, the office's and the seller's own, with how many leads each brought.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TradeFair } from '../../../../shared/domain/records';
import { fairsForPicker, isFairOn } from '../../../../shared/domain/trade-fair';
import { useServices } from '../../../app/services';
import { useUiStore } from '../../../app/ui-store';
import { useFormat } from '../../../i18n/use-format';
import { Button } from '../../../ui/Button';
import { SelectField } from '../../../ui/Field';
import { localToday, useLeadCountsByFair, useTradeFairs } from '../queries';
import { FairForm } from './FairForm';

export const fairDays = (fmt: ReturnType<typeof useFormat>, fair: TradeFair): string =>
  fair.startDate === fair.endDate
    ? fmt.date(fair.startDate)
    : `${fmt.date(fair.startDate)} – ${fmt.date(fair.endDate)}`;

export const FairsPanel = () => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { user } = useServices();
  const fairs = useTradeFairs() ?? [];
  const counts = useLeadCountsByFair();
  const currentFairId = useUiStore((s) => s.currentFairId);
  const setCurrentFairId = useUiStore((s) => s.setCurrentFairId);
  const [editing, setEditing] = useState<TradeFair | 'new' | null>(null);
  const today = localToday();
  const ordered = fairsForPicker(fairs, today);

  return (
    <div className="panel" aria-labelledby="fairs-title">
      <h2 id="fairs-title">{t('fair.title')}</h2>
      <div className="form-grid">
        <SelectField
          label={t('settings.fairName')}
          hint={t('settings.fairNameHint')}
          value={currentFairId}
          onChange={(e) => setCurrentFairId(e.target.value)}
          options={[
            { value: '', label: t('fair.none') },
            ...ordered.map((f) => ({ value: f.id, label: `${f.name} · ${fairDays(fmt, f)}` })),
          ]}
        />
      </div>
      <table className="fair-list">
        <thead>
          <tr>
            <th>{t('fair.name')}</th>
            <th>{t('fair.place')}</th>
            <th>{t('fair.days')}</th>
            <th>{t('fair.booth')}</th>
            <th>{t('fair.leads')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {ordered.map((f) => (
            <tr key={f.id}>
              <td>
                {f.name}
                {isFairOn(f, today) ? ` · ${t('fair.running')}` : ''}
              </td>
              <td>{f.place}</td>
              <td>{fairDays(fmt, f)}</td>
              <td>{f.booth}</td>
              <td>{counts[f.id] ?? 0}</td>
              <td>
                {/* The office's fairs are edited by the office. */}
                {f.ownerId === user.id ? (
                  <Button onClick={() => setEditing(f)}>
                    {t('fair.editButton', { name: f.name })}
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing === null ? (
        <Button onClick={() => setEditing('new')}>{t('fair.new')}</Button>
      ) : (
        <FairForm
          key={editing === 'new' ? 'new' : editing.id}
          fair={editing === 'new' ? null : editing}
          onDone={(saved) => {
            setEditing(null);
            // A fair just made for today is the one the seller is at.
            if (saved && editing === 'new' && isFairOn(saved, today)) setCurrentFairId(saved.id);
          }}
        />
      )}
    </div>
  );
};
