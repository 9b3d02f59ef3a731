// A contact: details (editable by its owner), account, opportunities and timeline.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../shared/domain/records';
import { routeHref } from '../../../app/router';
import { Button } from '../../../ui/Button';
import { ReadField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { useAccountName, useCanEditCustomer } from '../../accounts/queries';
import { useOpportunitiesOf } from '../../opportunities/queries';
import { Timeline } from '../../timeline/components/Timeline';
import { ConsentWithdrawnLine } from '../../consent/components/ConsentLine';
import { ConsentWithdrawnBadge } from '../../consent/components/ConsentWithdrawnBadge';
import { WithdrawConsentButton } from '../../consent/components/WithdrawConsent';
import { useContactCommands } from '../commands';
import { useContact } from '../queries';
import { ContactForm } from './ContactForm';
import { personName } from '../../../../shared/domain/person-name';

export const ContactDetail = ({ id }: { id: string }) => {
  const { t } = useTranslation();
  const contact = useContact(id);
  if (contact === undefined) return <p>{t('app.loading')}</p>;
  if (contact === null) return <Notice kind="info">{t('app.notFound')}</Notice>;
  return <ContactView contact={contact} />;
};

const ContactView = ({ contact: c }: { contact: Contact }) => {
  const { t } = useTranslation();
  const accountName = useAccountName(c.accountId);
  const opportunities = useOpportunitiesOf({ contactId: c.id });
  const canEdit = useCanEditCustomer(c.ownerId);
  const [editing, setEditing] = useState(false);
  const commands = useContactCommands();
  return (
    <section className="page" aria-labelledby="contact-title">
      <div className="page-head">
        <h1 id="contact-title">{personName(c) || c.email}</h1>
        <ConsentWithdrawnBadge consent={c.consent} />
        {canEdit && !editing ? (
          <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>
        ) : null}
        {canEdit ? (
          <WithdrawConsentButton
            consent={c.consent}
            withdraw={(how) => commands.withdrawConsent(c.id, how)}
          />
        ) : null}
      </div>
      <div className="columns">
        <div className="page">
          {editing ? <ContactForm contact={c} onDone={() => setEditing(false)} /> : null}
          <div className="panel">
            <dl className="read-grid">
              <ReadField label={t('common.account')}>
                {c.accountId ? (
                  <a href={routeHref('accounts', c.accountId)}>{accountName ?? '…'}</a>
                ) : (
                  ''
                )}
              </ReadField>
              <ReadField label={t('common.jobTitle')}>{c.jobTitle}</ReadField>
              <ReadField label={t('common.email')}>{c.email}</ReadField>
              <ReadField label={t('common.phone')}>{c.phone}</ReadField>
              <ReadField label={t('common.mobile')}>{c.mobile}</ReadField>
            </dl>
            <ConsentWithdrawnLine consent={c.consent} />
          </div>
          <section className="panel" aria-labelledby="contact-opps">
            <h2 id="contact-opps">{t('account.opportunities')}</h2>
            <ul>
              {(opportunities ?? []).map((o) => (
                <li key={o.id}>
                  <a href={routeHref('opportunities', o.id)}>{o.topic}</a>
                </li>
              ))}
            </ul>
          </section>
        </div>
        <Timeline regardingType="contact" regardingId={c.id} />
      </div>
    </section>
  );
};
