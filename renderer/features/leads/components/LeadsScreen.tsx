// The lead list: filters on top, a virtualized table below (100k rows stay smooth).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../../../shared/domain/records';
import { leadRatings, leadSources, leadStates } from '../../../../shared/domain/records';
import { navigate } from '../../../app/router';
import { useUiStore } from '../../../app/ui-store';
import type { LeadFilters } from '../../../app/ui-store';
import { useFormat } from '../../../i18n/use-format';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { SelectField, TextField } from '../../../ui/Field';
import type { Column } from '../../../ui/Table';
import { Table } from '../../../ui/Table';
import { useLeadList } from '../queries';
import { ConsentWithdrawnBadge } from '../../consent/components/ConsentWithdrawnBadge';
import { leadName, ratingTone } from '../lead-text';
import { CardCapture } from './CardCapture';
import { useEmailEnquiries } from './EmailEnquiries';
import { useListEmptyText } from '../../sync/queries';
import { useLeadExport } from '../import-export';
import { ImportLeadsDialog } from './import/ImportLeadsDialog';
import { FairLeadFilters } from '../../fairs/components/FairLeadFilters';

export const LeadsScreen = () => {
  const { t } = useTranslation();
  const emptyText = useListEmptyText(t('lead.empty'));
  const fmt = useFormat();
  const filters = useUiStore((s) => s.leadFilters);
  const setFilters = useUiStore((s) => s.setLeadFilters);
  const { page, showing } = useLeadList(filters);
  const leads = page?.rows;
  const all = t('common.all');
  const enquiries = useEmailEnquiries();
  const [readingCard, setReadingCard] = useState(false);
  const [importing, setImporting] = useState(false);
  const exportLeads = useLeadExport();
  const [exported, setExported] = useState<string | null>(null);
  const runExport = async () => {
    const result = await exportLeads(filters);
    setExported(
      !result.ok
        ? result.error
        : result.value.name === null
          ? null
          : t('leadImport.exported', { count: result.value.count, name: result.value.name }),
    );
  };

  const columns: Column<Lead>[] = [
    {
      id: 'name',
      header: t('lead.name'),
      width: '2fr',
      render: (l) => (
        <>
          {leadName(l)} <ConsentWithdrawnBadge consent={l.consent} />
        </>
      ),
    },
    { id: 'company', header: t('common.company'), width: '2fr', render: (l) => l.company },
    { id: 'topic', header: t('lead.topic'), width: '2fr', render: (l) => l.topic },
    {
      id: 'rating',
      header: t('lead.rating'),
      width: '90px',
      render: (l) => <Badge tone={ratingTone[l.rating]}>{t(`lead.ratings.${l.rating}`)}</Badge>,
    },
    {
      id: 'source',
      header: t('lead.source'),
      width: '1fr',
      render: (l) => t(`lead.sources.${l.source}`),
    },
    {
      id: 'status',
      header: t('common.status'),
      width: '1fr',
      render: (l) => t(`lead.statuses.${l.status}`),
    },
    {
      id: 'created',
      header: t('common.created'),
      width: '120px',
      render: (l) => fmt.date(l.createdAt),
    },
  ];

  return (
    <section className="page" aria-labelledby="leads-title" {...enquiries.dropZone}>
      <div className="page-head">
        <h1 id="leads-title">{t('lead.title')}</h1>
        <span className="hint" role="status">
          {!page
            ? t('app.loading')
            : page.total === null && page.hasMore
              ? t('common.rowCountAtLeast', { count: page.rows.length })
              : t('common.rowCount', { count: page.total ?? page.rows.length })}
        </span>
        <Button
          variant="primary"
          onClick={() => navigate('leads', 'new')}
          aria-keyshortcuts="Alt+N"
        >
          {t('lead.capture')}
        </Button>
        <Button onClick={() => setReadingCard(true)}>{t('card.read')}</Button>
        {enquiries.button}
        <Button onClick={() => setImporting(true)}>{t('leadImport.open')}</Button>
        <Button onClick={() => void runExport()}>{t('leadImport.export')}</Button>
      </div>
      {exported ? (
        <p className="hint" role="status">
          {exported}
        </p>
      ) : null}
      {readingCard ? <CardCapture onClose={() => setReadingCard(false)} /> : null}
      {enquiries.panel}
      {importing ? <ImportLeadsDialog onClose={() => setImporting(false)} /> : null}
      <div className="toolbar" role="search" aria-label={t('common.filters')}>
        <TextField
          label={t('lead.filterText')}
          type="search"
          value={filters.text}
          onChange={(e) => setFilters({ text: e.target.value })}
        />
        <SelectField
          label={t('lead.filterState')}
          value={filters.state}
          onChange={(e) => setFilters({ state: e.target.value as LeadFilters['state'] })}
          options={[
            { value: 'all', label: all },
            ...leadStates.map((s) => ({ value: s, label: t(`lead.states.${s}`) })),
          ]}
        />
        <SelectField
          label={t('lead.filterRating')}
          value={filters.rating}
          onChange={(e) => setFilters({ rating: e.target.value as LeadFilters['rating'] })}
          options={[
            { value: 'all', label: all },
            ...leadRatings.map((r) => ({ value: r, label: t(`lead.ratings.${r}`) })),
          ]}
        />
        <SelectField
          label={t('lead.filterSource')}
          value={filters.source}
          onChange={(e) => setFilters({ source: e.target.value as LeadFilters['source'] })}
          options={[
            { value: 'all', label: all },
            ...leadSources.map((s) => ({ value: s, label: t(`lead.sources.${s}`) })),
          ]}
        />
        <FairLeadFilters filters={filters} onChange={setFilters} />
      </div>
      <Table
        label={t('lead.list')}
        columns={columns}
        rows={leads ?? []}
        totalRows={page?.total}
        onShowing={showing}
        rowKey={(l) => l.id}
        onOpen={(l) => navigate('leads', l.id)}
        emptyText={leads ? emptyText : t('app.loading')}
      />
    </section>
  );
};
