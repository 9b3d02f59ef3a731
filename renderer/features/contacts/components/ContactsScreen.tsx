import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../shared/domain/records';
import { navigate } from '../../../app/router';
import { FilterListScreen } from '../../../ui/FilterListScreen';
import type { Column } from '../../../ui/Table';
import { ConsentWithdrawnBadge } from '../../consent/components/ConsentWithdrawnBadge';
import { useContactList } from '../queries';
import { useListEmptyText } from '../../sync/queries';
import { personName } from '../../../../shared/domain/person-name';

export const ContactsScreen = () => {
  const { t } = useTranslation();
  const emptyText = useListEmptyText(t('contact.empty'));
  const [text, setText] = useState('');
  const rows = useContactList(text);
  const columns: Column<Contact>[] = [
    {
      id: 'name',
      header: t('common.name'),
      width: '2fr',
      render: (c) => (
        <>
          {personName(c)} <ConsentWithdrawnBadge consent={c.consent} />
        </>
      ),
    },
    { id: 'job', header: t('common.jobTitle'), width: '1fr', render: (c) => c.jobTitle },
    { id: 'email', header: t('common.email'), width: '2fr', render: (c) => c.email },
    { id: 'phone', header: t('common.phone'), width: '1fr', render: (c) => c.phone || c.mobile },
  ];
  return (
    <FilterListScreen
      titleId="contacts-title"
      title={t('contact.title')}
      filterLabel={t('contact.filter')}
      listLabel={t('contact.list')}
      emptyText={emptyText}
      text={text}
      onTextChange={setText}
      rows={rows}
      columns={columns}
      onOpen={(c) => navigate('contacts', c.id)}
    />
  );
};
