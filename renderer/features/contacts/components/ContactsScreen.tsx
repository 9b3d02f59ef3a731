import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../shared/domain/records';
import { navigate } from '../../../app/router';
import { TextField } from '../../../ui/Field';
import type { Column } from '../../../ui/Table';
import { Table } from '../../../ui/Table';
import { useContactList } from '../queries';

export const ContactsScreen = () => {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const rows = useContactList(text);
  const columns: Column<Contact>[] = [
    {
      id: 'name',
      header: t('common.name'),
      width: '2fr',
      render: (c) => `${c.firstName} ${c.lastName}`.trim(),
    },
    { id: 'job', header: t('common.jobTitle'), width: '1fr', render: (c) => c.jobTitle },
    { id: 'email', header: t('common.email'), width: '2fr', render: (c) => c.email },
    { id: 'phone', header: t('common.phone'), width: '1fr', render: (c) => c.phone || c.mobile },
  ];
  return (
    <section className="page" aria-labelledby="contacts-title">
      <div className="page-head">
        <h1 id="contacts-title">{t('contact.title')}</h1>
        <span className="hint" role="status">
          {rows ? t('common.rowCount', { count: rows.length }) : t('app.loading')}
        </span>
      </div>
      <div className="toolbar" role="search">
        <TextField
          label={t('contact.filter')}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <Table
        label={t('contact.list')}
        columns={columns}
        rows={rows ?? []}
        rowKey={(c) => c.id}
        onOpen={(c) => navigate('contacts', c.id)}
        emptyText={rows ? t('contact.empty') : t('app.loading')}
      />
    </section>
  );
};
