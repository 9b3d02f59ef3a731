import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Opportunity } from '../../../../shared/domain/records';
import { navigate } from '../../../app/router';
import { useFormat } from '../../../i18n/use-format';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/Field';
import type { Column } from '../../../ui/Table';
import { Table } from '../../../ui/Table';
import { AccountName } from '../../accounts/components/AccountName';
import { useOpportunityList } from '../queries';
import { stateTone } from './OpportunityDetail';
import { documentStateLabel } from '../../documents/state-label';
import { useListEmptyText } from '../../sync/queries';

export const OpportunitiesScreen = () => {
  const { t } = useTranslation();
  const emptyText = useListEmptyText(t('opportunity.empty'));
  const fmt = useFormat();
  const [text, setText] = useState('');
  const rows = useOpportunityList(text);
  const columns: Column<Opportunity>[] = [
    // Opportunities carry no number (as in Dynamics 365 and Salesforce): they are found by
    // topic and customer; quotes, orders and invoices are the numbered documents.
    { id: 'topic', header: t('opportunity.topic'), width: '3fr', render: (o) => o.topic },
    {
      id: 'account',
      header: t('common.account'),
      width: '2fr',
      render: (o) => <AccountName id={o.accountId} />,
    },
    {
      id: 'stage',
      header: t('opportunity.stage'),
      width: '1fr',
      render: (o) => t(`opportunity.stages.${o.stage}`),
    },
    {
      id: 'status',
      header: t('common.status'),
      width: '1fr',
      render: (o) => (
        <Badge tone={stateTone[o.state]}>{documentStateLabel(t, 'opportunity', o)}</Badge>
      ),
    },
    {
      id: 'close',
      header: t('opportunity.estimatedCloseDate'),
      width: '1fr',
      render: (o) => fmt.date(o.estimatedCloseDate),
    },
    {
      id: 'revenue',
      header: t('opportunity.estimatedRevenue'),
      width: '1fr',
      align: 'end',
      render: (o) => fmt.money(o.estimatedRevenue, o.currency),
    },
  ];
  return (
    <section className="page" aria-labelledby="opps-title">
      <div className="page-head">
        <h1 id="opps-title">{t('opportunity.title')}</h1>
        <span className="hint" role="status">
          {rows ? t('common.rowCount', { count: rows.length }) : t('app.loading')}
        </span>
        <Button onClick={() => navigate('pipeline')}>{t('nav.pipeline')}</Button>
      </div>
      <div className="toolbar" role="search">
        <TextField
          label={t('opportunity.filter')}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <Table
        label={t('opportunity.list')}
        columns={columns}
        rows={rows ?? []}
        rowKey={(o) => o.id}
        onOpen={(o) => navigate('opportunities', o.id)}
        emptyText={rows ? emptyText : t('app.loading')}
      />
    </section>
  );
};
