import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../shared/domain/records';
import { navigate } from '../../../app/router';
import { FilterListScreen } from '../../../ui/FilterListScreen';
import type { Column } from '../../../ui/Table';
import { useAccountList } from '../queries';
import { useListEmptyText } from '../../sync/queries';

export const AccountsScreen = () => {
  const { t } = useTranslation();
  const emptyText = useListEmptyText(t('account.empty'));
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
    <FilterListScreen
      titleId="accounts-title"
      title={t('account.title')}
      filterLabel={t('account.filter')}
      listLabel={t('account.list')}
      emptyText={emptyText}
      text={text}
      onTextChange={setText}
      rows={rows}
      columns={columns}
      onOpen={(a) => navigate('accounts', a.id)}
    />
  );
};
