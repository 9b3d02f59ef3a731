// The customer of a quote, order or invoice: the account (a link to it), its bill-to address
// and the identifiers e-invoicing needs (VAT number, tax code, SDI code or PEC).
import { useTranslation } from 'react-i18next';
import { billingAddressOf } from '../../../../shared/documents/print/printable';
import type { Address } from '../../../../shared/domain/records';
import { routeHref } from '../../../app/router';
import { ReadField } from '../../../ui/Field';
import { useDocumentAccount } from '../queries';

const addressLines = (a: Address): string[] =>
  [
    a.street ?? '',
    [a.postalCode, a.city, a.province ? `(${a.province})` : ''].filter(Boolean).join(' '),
    a.country ?? '',
  ].filter((l) => l !== '');

export const CustomerPanel = ({ accountId }: { accountId: string | null }) => {
  const { t } = useTranslation();
  const account = useDocumentAccount(accountId);
  return (
    <section className="panel" aria-labelledby="document-customer">
      <h2 id="document-customer">{t('documents.customer')}</h2>
      {account === undefined ? (
        <p>{t('app.loading')}</p>
      ) : account === null ? (
        <p className="hint">
          {accountId === null ? t('documents.noCustomer') : t('documents.customerNotOnDevice')}
        </p>
      ) : (
        <dl className="read-grid" data-testid="document-customer">
          <ReadField label={t('common.account')}>
            <a href={routeHref('accounts', account.id)}>{account.name}</a>
          </ReadField>
          <ReadField label={t('documents.billTo')}>
            {addressLines(billingAddressOf(account)).map((line) => (
              <span key={line} className="address-line">
                {line}
              </span>
            ))}
          </ReadField>
          <ReadField label={t('common.vatNumber')}>{account.vatNumber}</ReadField>
          <ReadField label={t('account.taxCode')}>{account.taxCode}</ReadField>
          <ReadField label={t('account.sdiCode')}>{account.sdiCode}</ReadField>
          <ReadField label={t('account.pec')}>{account.pec}</ReadField>
        </dl>
      )}
    </section>
  );
};
