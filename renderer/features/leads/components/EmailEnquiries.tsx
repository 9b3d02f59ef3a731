// E-mailed enquiries: .eml files dropped onto the lead list (or picked with the button) are
// read on the device, shown for a check — with consent per sender, never pre-ticked — and
// then land on the sender's lead or contact, or become new leads.
import { useRef, useState } from 'react';
import type { DragEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParsedMail } from '../../../../shared/mail/eml';
import { parseEml } from '../../../../shared/mail/eml';
import { routeHref } from '../../../app/router';
import { useAction } from '../../../app/use-action';
import { Button } from '../../../ui/Button';
import { CheckboxField } from '../../../ui/Field';
import { Dialog } from '../../../ui/Dialog';
import { Notice } from '../../../ui/Notice';
import { useLeadCommands } from '../commands';
import { useConsentWording } from '../use-consent-wording';

type Dropped = { file: string; mail: ParsedMail; consent: boolean };
type Landed = { file: string; sender: string; leadId: string | null; isNew: boolean };

const isEml = (file: File) => /\.eml$/i.test(file.name) || file.type === 'message/rfc822';

export const useEmailEnquiries = () => {
  const { t } = useTranslation();
  const commands = useLeadCommands();
  const action = useAction();
  const [pending, setPending] = useState<Dropped[] | null>(null);
  const [landed, setLanded] = useState<Landed[]>([]);
  const [unreadable, setUnreadable] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const wording = useConsentWording();

  const read = async (files: readonly File[]) => {
    const mails: Dropped[] = [];
    const refused: string[] = [];
    for (const file of files) {
      if (!isEml(file)) {
        refused.push(file.name);
        continue;
      }
      const mail = parseEml(new Uint8Array(await file.arrayBuffer()));
      if (mail.from === null) refused.push(file.name);
      else mails.push({ file: file.name, mail, consent: false });
    }
    setUnreadable(refused);
    setLanded([]);
    setPending(mails.length > 0 ? mails : null);
  };

  const save = async () => {
    if (!pending) return;
    const done: Landed[] = [];
    for (const item of pending) {
      const result = await action.run(() =>
        commands.fromEmail(item.mail, item.consent ? wording : null),
      );
      if (!result) break;
      const from = item.mail.from;
      done.push({
        file: item.file,
        sender: from ? `${from.name || from.address} <${from.address}>` : item.file,
        leadId: result.leadId,
        isNew: result.isNew,
      });
    }
    setLanded(done);
    setPending(null);
  };

  const dropZone = {
    onDragOver: (event: DragEvent) => {
      if (!event.dataTransfer.types.includes('Files')) return;
      event.preventDefault();
      setDragging(true);
    },
    onDragLeave: () => setDragging(false),
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      setDragging(false);
      void read(Array.from(event.dataTransfer.files));
    },
  };

  const button = (
    <>
      <Button onClick={() => picker.current?.click()}>{t('email.import')}</Button>
      <input
        ref={picker}
        type="file"
        accept=".eml,message/rfc822"
        multiple
        hidden
        aria-label={t('email.import')}
        onChange={(e) => {
          void read(Array.from(e.target.files ?? []));
          e.target.value = '';
        }}
      />
    </>
  );

  const panel: ReactNode = (
    <>
      {dragging ? <Notice kind="info">{t('email.dropHere')}</Notice> : null}
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      {unreadable.length > 0 ? (
        <Notice kind="error">{t('email.unreadable', { files: unreadable.join(', ') })}</Notice>
      ) : null}
      {landed.length > 0 ? (
        <Notice kind="success">
          <span>{t('email.landed', { count: landed.length })}</span>
          <ul aria-label={t('email.landedList')}>
            {landed.map((l) => (
              <li key={l.file}>
                {l.leadId ? <a href={routeHref('leads', l.leadId)}>{l.sender}</a> : l.sender} ·{' '}
                {l.isNew ? t('email.newLead') : t('email.knownSender')}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {pending ? (
        <Dialog
          title={t('email.reviewTitle', { count: pending.length })}
          onClose={() => setPending(null)}
          onSubmit={() => void save()}
          submitLabel={t('email.addToLeads')}
          cancelLabel={t('common.cancel')}
          submitDisabled={action.busy}
          wide
        >
          <ul className="email-review">
            {pending.map((item, index) => (
              <li key={item.file}>
                <strong>
                  {item.mail.from?.name || item.mail.from?.address} &lt;{item.mail.from?.address}
                  &gt;
                </strong>
                <div>{item.mail.subject}</div>
                <CheckboxField
                  label={t('email.consentFrom', { sender: item.mail.from?.address ?? '' })}
                  hint={wording}
                  checked={item.consent}
                  onChange={(e) =>
                    setPending((p) =>
                      (p ?? []).map((x, i) =>
                        i === index ? { ...x, consent: e.target.checked } : x,
                      ),
                    )
                  }
                />
              </li>
            ))}
          </ul>
        </Dialog>
      ) : null}
    </>
  );

  return { dropZone, button, panel };
};
