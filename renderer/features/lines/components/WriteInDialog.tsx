// A write-in product: not in the catalog, its price typed in.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandLineInput } from '../../../data/commands';
import type { Result } from '../../../../shared/domain/errors';
import { useAction } from '../../../app/use-action';
import { inputToMinor, parseDecimal } from '../../../i18n/format';
import { Dialog } from '../../../ui/Dialog';
import { TextField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';

type Props = {
  currency: string;
  onClose: () => void;
  onAdd: (line: CommandLineInput) => Promise<Result<unknown>>;
};

export const WriteInDialog = ({ currency, onClose, onAdd }: Props) => {
  const { t } = useTranslation();
  const action = useAction();
  const [name, setName] = useState('');
  const [price, setPrice] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [vat, setVat] = useState('22');
  const unitPrice = inputToMinor(price, currency);
  const qty = parseDecimal(quantity);
  const vatPercent = parseDecimal(vat);
  const valid = name.trim() !== '' && unitPrice !== null && qty !== null && vatPercent !== null;

  const submit = async () => {
    if (!valid) return;
    const added = await action.run(() =>
      onAdd({
        kind: 'write_in',
        name: name.trim(),
        unitPrice,
        quantity: qty,
        discount: 0,
        vatRate: Math.round(vatPercent * 100),
      }),
    );
    if (added !== undefined) onClose();
  };

  return (
    <Dialog
      title={t('lines.addTitleWriteIn')}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('common.add')}
      cancelLabel={t('common.cancel')}
      submitDisabled={!valid || action.busy}
    >
      <div className="form-grid">
        <TextField
          label={t('lines.writeInName')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoFocus
          required
        />
        <TextField
          label={`${t('lines.unitPrice')} (${currency})`}
          inputMode="decimal"
          value={price}
          onChange={(e) => setPrice(e.target.value)}
          required
        />
        <TextField
          label={t('lines.quantity')}
          inputMode="decimal"
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
        />
        <TextField
          label={`${t('lines.vatRate')} (%)`}
          inputMode="decimal"
          value={vat}
          onChange={(e) => setVat(e.target.value)}
        />
      </div>
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
    </Dialog>
  );
};
