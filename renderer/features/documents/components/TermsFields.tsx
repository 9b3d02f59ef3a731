// Terms an order or invoice carries from its quote (payment, delivery) and the customer's own
// purchase order reference, as read-only fields of the document page.
import { useTranslation } from 'react-i18next';
import type { Invoice, Order } from '../../../../shared/domain/records';
import { ReadField } from '../../../ui/Field';
import { useSourceTerms } from '../queries';

export const TermsFields = ({
  kind,
  doc,
}: { kind: 'order'; doc: Order } | { kind: 'invoice'; doc: Invoice }) => {
  const { t } = useTranslation();
  const terms = useSourceTerms(kind, doc);
  return (
    <>
      <ReadField label={t('documents.customerReference')}>{doc.customerReference}</ReadField>
      <ReadField label={t('documents.paymentTerms')}>{terms?.paymentTerms ?? ''}</ReadField>
      {kind === 'order' ? (
        <ReadField label={t('documents.deliveryTerms')}>{terms?.deliveryTerms ?? ''}</ReadField>
      ) : null}
    </>
  );
};
