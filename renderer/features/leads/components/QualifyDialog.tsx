// Qualify: shows likely duplicates and lets the seller link an existing account/contact or
// create new ones; then creates the opportunity.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../../../shared/domain/records';
import { useAction } from '../../../app/use-action';
import { Badge } from '../../../ui/Badge';
import { Dialog } from '../../../ui/Dialog';
import { Notice } from '../../../ui/Notice';
import type { PartyChoice } from '../commands';
import { useLeadCommands } from '../commands';
import { useDuplicateCandidates } from '../queries';

type Props = { lead: Lead; onClose: () => void; onQualified: (opportunityId: string) => void };

const choiceKey = (choice: PartyChoice): string =>
  choice.mode === 'link' ? `link:${choice.id}` : choice.mode;
const parseChoice = (key: string): PartyChoice =>
  key.startsWith('link:') ? { mode: 'link', id: key.slice(5) } : { mode: key as 'create' | 'none' };

export const QualifyDialog = ({ lead, onClose, onQualified }: Props) => {
  const { t } = useTranslation();
  const commands = useLeadCommands();
  const action = useAction();
  const candidates = useDuplicateCandidates(lead);
  const accounts = (candidates ?? []).filter((c) => c.type === 'account');
  const contacts = (candidates ?? []).filter((c) => c.type === 'contact');
  const others = (candidates ?? []).filter((c) => c.type === 'lead');
  // Default to linking the strongest existing match: it avoids a second copy of a customer.
  const [account, setAccount] = useState<PartyChoice | null>(null);
  const [contact, setContact] = useState<PartyChoice | null>(null);
  const accountChoice: PartyChoice =
    account ??
    (accounts[0]
      ? { mode: 'link', id: accounts[0].id }
      : { mode: lead.company ? 'create' : 'none' });
  const contactChoice: PartyChoice =
    contact ?? (contacts[0] ? { mode: 'link', id: contacts[0].id } : { mode: 'create' });

  const submit = async () => {
    const result = await action.run(() =>
      commands.qualify(lead.id, { account: accountChoice, contact: contactChoice }),
    );
    if (result) onQualified(result.opportunityId);
  };

  const reasons = (r: readonly string[]) => r.map((x) => t(`lead.duplicateReason.${x}`)).join(', ');

  return (
    <Dialog
      title={t('lead.qualifyTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('lead.createOpportunity')}
      cancelLabel={t('common.cancel')}
      submitDisabled={action.busy || candidates === undefined}
      wide
    >
      <p>{t('lead.qualifyIntro')}</p>
      <h3>{t('lead.duplicates')}</h3>
      {candidates && candidates.length === 0 ? (
        <p className="hint">{t('lead.noDuplicates')}</p>
      ) : null}
      {others.length > 0 ? (
        <ul>
          {others.map((c) => (
            <li key={c.id}>
              {t('search.kinds.lead')}: {c.label} — {reasons(c.reasons)}
            </li>
          ))}
        </ul>
      ) : null}
      <fieldset>
        <legend>{t('lead.accountChoice')}</legend>
        <ul className="candidates">
          {accounts.map((c) => (
            <Choice
              key={c.id}
              name="account"
              value={`link:${c.id}`}
              current={choiceKey(accountChoice)}
              onPick={(k) => setAccount(parseChoice(k))}
            >
              {t('lead.linkAccount', { name: c.label })}{' '}
              <span className="hint">({reasons(c.reasons)})</span>
            </Choice>
          ))}
          <Choice
            name="account"
            value="create"
            current={choiceKey(accountChoice)}
            onPick={(k) => setAccount(parseChoice(k))}
          >
            {t('lead.createNewAccount')}
            {lead.company ? ` (${lead.company})` : ''}
          </Choice>
          <Choice
            name="account"
            value="none"
            current={choiceKey(accountChoice)}
            onPick={(k) => setAccount(parseChoice(k))}
          >
            {t('lead.noAccount')}
          </Choice>
        </ul>
      </fieldset>
      <fieldset>
        <legend>{t('lead.contactChoice')}</legend>
        <ul className="candidates">
          {contacts.map((c) => (
            <Choice
              key={c.id}
              name="contact"
              value={`link:${c.id}`}
              current={choiceKey(contactChoice)}
              onPick={(k) => setContact(parseChoice(k))}
            >
              {t('lead.linkContact', { name: c.label })}{' '}
              <span className="hint">({reasons(c.reasons)})</span>
              {c.consentWithdrawn ? (
                <>
                  {' '}
                  <Badge tone="danger">{t('consent.withdrawnBadge')}</Badge>
                </>
              ) : null}
            </Choice>
          ))}
          <Choice
            name="contact"
            value="create"
            current={choiceKey(contactChoice)}
            onPick={(k) => setContact(parseChoice(k))}
          >
            {t('lead.createNewContact')}
          </Choice>
          <Choice
            name="contact"
            value="none"
            current={choiceKey(contactChoice)}
            onPick={(k) => setContact(parseChoice(k))}
          >
            {t('lead.noContact')}
          </Choice>
        </ul>
      </fieldset>
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
    </Dialog>
  );
};

const Choice = ({
  name,
  value,
  current,
  onPick,
  children,
}: {
  name: string;
  value: string;
  current: string;
  onPick: (value: string) => void;
  children: React.ReactNode;
}) => (
  <li>
    <label>
      <input
        type="radio"
        name={name}
        value={value}
        checked={current === value}
        onChange={() => onPick(value)}
      />
      <span>{children}</span>
    </label>
  </li>
);
