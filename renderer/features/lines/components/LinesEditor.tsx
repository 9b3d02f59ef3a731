// The product lines of an opportunity or a draft quote: catalog and write-in products,
// quantity, discount and VAT edited in place (saved when a field is left).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandLineEdit } from '../../../data/commands';
import type { Line } from '../../../../shared/domain/records';
import type { Result } from '../../../../shared/domain/errors';
import { useAction } from '../../../app/use-action';
import { inputToMinor, minorToInput, parseDecimal } from '../../../i18n/format';
import { useFormat } from '../../../i18n/use-format';
import { Button } from '../../../ui/Button';
import { Notice } from '../../../ui/Notice';
import { CatalogDialog } from './CatalogDialog';
import { WriteInDialog } from './WriteInDialog';

type Props = {
  lines: readonly Line[];
  currency: string;
  priceListId: string | null;
  readOnly: boolean;
  onEdit: (edit: CommandLineEdit) => Promise<Result<unknown>>;
  /** Sets the document's price list (first catalog product on a document without one). */
  onChoosePriceList?: (priceListId: string) => Promise<Result<unknown>>;
};

export const LinesEditor = ({
  lines,
  currency,
  priceListId,
  readOnly,
  onEdit,
  onChoosePriceList,
}: Props) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const action = useAction();
  const [adding, setAdding] = useState<'catalog' | 'write_in' | null>(null);
  const edit = (e: CommandLineEdit) => action.run(() => onEdit(e));
  return (
    <section aria-labelledby="lines-title">
      <h2 id="lines-title">{t('lines.title')}</h2>
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      <div className="table-scroll">
        <table className="grid" aria-labelledby="lines-title">
          <thead>
            <tr>
              <th>{t('lines.product')}</th>
              <th className="num">{t('lines.quantity')}</th>
              <th className="num">{t('lines.unitPrice')}</th>
              <th className="num">{t('lines.discount')}</th>
              <th className="num">{t('lines.vatRate')}</th>
              <th className="num">{t('lines.amount')}</th>
              {readOnly ? null : (
                <th>
                  <span className="visually-hidden">{t('common.remove')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {lines.length === 0 ? (
              <tr>
                <td colSpan={7} className="hint">
                  {t('lines.empty')}
                </td>
              </tr>
            ) : null}
            {lines.map((line) => (
              <tr key={line.id} aria-label={t('lines.editLine', { name: line.name })}>
                <td>
                  {line.name}
                  {line.sku ? <span className="hint"> · {line.sku}</span> : null}
                </td>
                <td className="num">
                  <LineInput
                    label={`${t('lines.quantity')} ${line.name}`}
                    value={String(line.quantity)}
                    display={fmt.quantity(line.quantity)}
                    readOnly={readOnly}
                    onCommit={(text) => {
                      const quantity = parseDecimal(text);
                      if (quantity !== null && quantity !== line.quantity)
                        void edit({ op: 'update', id: line.id, patch: { quantity } });
                    }}
                  />
                </td>
                <td className="num">
                  {line.productId === null && !readOnly ? (
                    <LineInput
                      label={`${t('lines.unitPrice')} ${line.name}`}
                      value={minorToInput(line.unitPrice, currency)}
                      onCommit={(text) => {
                        const unitPrice = inputToMinor(text, currency);
                        if (unitPrice !== null && unitPrice !== line.unitPrice)
                          void edit({ op: 'update', id: line.id, patch: { unitPrice } });
                      }}
                    />
                  ) : (
                    fmt.money(line.unitPrice, currency)
                  )}
                </td>
                <td className="num">
                  <LineInput
                    label={`${t('lines.discount')} ${line.name}`}
                    value={minorToInput(line.discount, currency)}
                    display={fmt.money(line.discount, currency)}
                    readOnly={readOnly}
                    onCommit={(text) => {
                      const discount = inputToMinor(text, currency);
                      if (discount !== null && discount !== line.discount)
                        void edit({ op: 'update', id: line.id, patch: { discount } });
                    }}
                  />
                </td>
                <td className="num">
                  <LineInput
                    label={`${t('lines.vatRate')} ${line.name}`}
                    value={String(line.vatRate / 100)}
                    display={fmt.rate(line.vatRate)}
                    readOnly={readOnly}
                    suffix="%"
                    onCommit={(text) => {
                      const percent = parseDecimal(text);
                      const vatRate = percent === null ? null : Math.round(percent * 100);
                      if (vatRate !== null && vatRate !== line.vatRate)
                        void edit({ op: 'update', id: line.id, patch: { vatRate } });
                    }}
                  />
                </td>
                <td className="num">{fmt.money(line.amount, currency)}</td>
                {readOnly ? null : (
                  <td>
                    <Button
                      variant="ghost"
                      aria-label={t('lines.removeLine', { name: line.name })}
                      onClick={() => void edit({ op: 'remove', id: line.id })}
                    >
                      ✕
                    </Button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {readOnly ? null : (
        <div className="toolbar">
          <Button onClick={() => setAdding('catalog')}>{t('lines.addCatalog')}</Button>
          <Button onClick={() => setAdding('write_in')}>{t('lines.addWriteIn')}</Button>
        </div>
      )}
      {adding === 'catalog' ? (
        <CatalogDialog
          currency={currency}
          priceListId={priceListId}
          onClose={() => setAdding(null)}
          onAdd={(line) => onEdit({ op: 'add', line })}
          onChoosePriceList={onChoosePriceList}
        />
      ) : null}
      {adding === 'write_in' ? (
        <WriteInDialog
          currency={currency}
          onClose={() => setAdding(null)}
          onAdd={(line) => onEdit({ op: 'add', line })}
        />
      ) : null}
    </section>
  );
};

// Commits on blur or Enter, so typing does not write a document per keystroke.
const LineInput = ({
  label,
  value,
  readOnly,
  suffix,
  display,
  onCommit,
}: {
  label: string;
  value: string;
  readOnly?: boolean;
  suffix?: string;
  /** What a read-only line shows (formatted for the locale). */
  display?: string;
  onCommit: (text: string) => void;
}) => {
  const [text, setText] = useState<string | null>(null);
  if (readOnly) return <>{display ?? (suffix ? `${value}${suffix}` : value)}</>;
  return (
    <input
      autoComplete="off"
      aria-label={label}
      inputMode="decimal"
      value={text ?? value}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => {
        if (text !== null) onCommit(text);
        setText(null);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          (e.target as HTMLInputElement).blur();
        }
      }}
      className="line-input"
    />
  );
};
