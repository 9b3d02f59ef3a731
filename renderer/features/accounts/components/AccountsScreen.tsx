import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../shared/domain/records';
import { navigate } from '../../../app/router';
import { TextField } from '../../../ui/Field';
import type { Column } from '../../../ui/Table';
import { Table } from '../../../ui/Table';
import { useAccountList } from '../queries';

export const AccountsScreen = () => {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const rows = useAccountList(text);
  const columns: Column<Account>[] = [
    { id: 'name', header: t('common.name'), width: '3fr', render: (a) => a.name },
    { id: 'vat', header: t('common.vatNumber'), width: '1fr', render: (a) => a.vatNumber },
    { id: 'city', header: t('common.city'), width: '1fr', render: (a) => a.address.city ?? '' },
    { id: 'email', header: t('common.email'), width: '2fr', render: (a) => a.email },
    { id: 'phone', header: t('common.phone'), width: '1fr', render: (a) => a.phone },
  ];
  return (
    <section className="page" aria-labelledby="accounts-title">
      <div className="page-head">
        <h1 id="accounts-title">{t('account.title')}</h1>
        <span className="hint" role="status">
          {rows ? t('common.rowCount', { count: rows.length }) : t('app.loading')}
        </span>
      </div>
      <div className="toolbar" role="search">
        <TextField
          label={t('account.filter')}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <Table
        label={t('account.list')}
        columns={columns}
        rows={rows ?? []}
        rowKey={(a) => a.id}
        onOpen={(a) => navigate('accounts', a.id)}
        emptyText={rows ? t('account.empty') : t('app.loading')}
      />
    </section>
  );
};
