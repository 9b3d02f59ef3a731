// An account: details (editable by its owner), its contacts, opportunities, documents and
// timeline.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, Address } from '../../../../shared/domain/records';
import { routeHref } from '../../../app/router';
import { useFormat } from '../../../i18n/use-format';
import { Button } from '../../../ui/Button';
import { ReadField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { ConsentWithdrawnBadge } from '../../consent/components/ConsentWithdrawnBadge';
import { useContactsOfAccount } from '../../contacts/queries';
import { useOpportunitiesOf } from '../../opportunities/queries';
import { RelatedDocuments } from '../../quotes/components/RelatedDocuments';
import { Timeline } from '../../timeline/components/Timeline';
import { ReassignPanel } from '../../team/components/ReassignPanel';
import { useAccount, useCanEditCustomer } from '../queries';
import { AccountForm } from './AccountForm';

const oneLine = (a: Address): string =>
  [a.street, a.postalCode, a.city, a.province, a.country].filter(Boolean).join(', ');
import { documentStateLabel } from '../../documents/state-label';
import { personName } from '../../../../shared/domain/person-name';

export const AccountDetail = ({ id }: { id: string }) => {
  const { t } = useTranslation();
  const account = useAccount(id);
  if (account === undefined) return <p>{t('app.loading')}</p>;
  if (account === null) return <Notice kind="info">{t('app.notFound')}</Notice>;
  return <AccountView account={account} />;
};

const AccountView = ({ account: a }: { account: Account }) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const contacts = useContactsOfAccount(a.id);
  const opportunities = useOpportunitiesOf({ accountId: a.id });
  const canEdit = useCanEditCustomer(a.ownerId);
  const [editing, setEditing] = useState(false);
  return (
    <section className="page" aria-labelledby="account-title">
      <div className="page-head">
        <h1 id="account-title">{a.name}</h1>
        {canEdit && !editing ? (
          <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>
        ) : null}
      </div>
      <div className="columns">
        <div className="page">
          {editing ? (
            <AccountForm account={a} onDone={() => setEditing(false)} />
          ) : (
            <div className="panel">
              <dl className="read-grid">
                <ReadField label={t('common.vatNumber')}>{a.vatNumber}</ReadField>
                <ReadField label={t('account.taxCode')}>{a.taxCode}</ReadField>
                <ReadField label={t('common.email')}>{a.email}</ReadField>
                <ReadField label={t('common.phone')}>{a.phone}</ReadField>
                <ReadField label={t('common.website')}>{a.website}</ReadField>
                <ReadField label={t('account.industry')}>{a.industry}</ReadField>
                <ReadField label={t('account.sdiCode')}>{a.sdiCode}</ReadField>
                <ReadField label={t('account.pec')}>{a.pec}</ReadField>
                <ReadField label={t('account.billingAddress')}>{oneLine(a.address)}</ReadField>
                <ReadField label={t('account.shippingAddress')}>
                  {oneLine(a.shippingAddress) || t('account.sameAsBilling')}
                </ReadField>
                <ReadField label={t('account.documentLanguage')}>
                  {t(`account.languages.${a.documentLanguage}`)}
                </ReadField>
              </dl>
            </div>
          )}
          <section className="panel" aria-labelledby="account-contacts">
            <h2 id="account-contacts">{t('account.contacts')}</h2>
            <ul>
              {(contacts ?? []).map((c) => (
                <li key={c.id}>
                  <a href={routeHref('contacts', c.id)}>{personName(c) || c.email}</a>
                  {c.jobTitle ? <span className="hint"> · {c.jobTitle}</span> : null}{' '}
                  <ConsentWithdrawnBadge consent={c.consent} />
                </li>
              ))}
            </ul>
          </section>
          <section className="panel" aria-labelledby="account-opps">
            <h2 id="account-opps">{t('account.opportunities')}</h2>
            <ul>
              {(opportunities ?? []).map((o) => (
                <li key={o.id}>
                  <a href={routeHref('opportunities', o.id)}>{o.topic}</a>{' '}
                  <span className="hint">
                    {documentStateLabel(t, 'opportunity', o)} ·{' '}
                    {fmt.money(o.estimatedRevenue, o.currency)}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <RelatedDocuments accountId={a.id} />
        </div>
        <ReassignPanel type="account" id={a.id} ownerId={a.ownerId} />
        <Timeline regardingType="account" regardingId={a.id} />
      </div>
    </section>
  );
};
