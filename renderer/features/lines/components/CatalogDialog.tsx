// Picks a catalog product by name or SKU; the price comes from the document's price list.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandLineInput } from '../../../data/commands';
import type { Result } from '../../../../shared/domain/errors';
import { useAction } from '../../../app/use-action';
import { parseDecimal } from '../../../i18n/format';
import { useFormat } from '../../../i18n/use-format';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { TextField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { useCatalogSearch } from '../queries';

type Props = {
  currency: string;
  priceListId: string | null;
  onClose: () => void;
  onAdd: (line: CommandLineInput) => Promise<Result<unknown>>;
  onChoosePriceList?: (priceListId: string) => Promise<Result<unknown>>;
};

export const CatalogDialog = ({
  currency,
  priceListId,
  onClose,
  onAdd,
  onChoosePriceList,
}: Props) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const action = useAction();
  const [query, setQuery] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const results = useCatalogSearch(query, priceListId, currency);
  const qty = parseDecimal(quantity);
  // Add takes the product the seller picked, or the only one a search found; never a guess
  // among several (with an empty search that would be the catalog's first product).
  const only = query.trim() !== '' && results?.length === 1 ? results[0] : undefined;
  const selected = results?.find((hit) => hit.product.id === selectedId) ?? only;

  const add = async () => {
    const hit = selected;
    if (!hit || !hit.priceList || qty === null) return;
    const listId = hit.priceList.id;
    // A document without a price list takes the one the product is priced from.
    if (priceListId === null && onChoosePriceList) {
      const chosen = await action.run(() => onChoosePriceList(listId));
      if (chosen === undefined) return;
    }
    const added = await action.run(() =>
      onAdd({ kind: 'catalog', productId: hit.product.id, quantity: qty, discount: 0 }),
    );
    if (added !== undefined) onClose();
  };

  return (
    <Dialog
      title={t('lines.addTitleCatalog')}
      onClose={onClose}
      cancelLabel={t('common.close')}
      onSubmit={() => void add()}
      submitLabel={
        selected ? t('lines.addNamed', { name: selected.product.name }) : t('common.add')
      }
      submitDisabled={!selected?.priceList || qty === null || action.busy}
      wide
    >
      <div className="form-grid">
        <TextField
          label={t('lines.catalogSearch')}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoFocus
        />
        <TextField
          label={t('lines.quantity')}
          inputMode="decimal"
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
          error={qty === null ? t('errors.number') : null}
        />
      </div>
      <ul className="candidates" aria-label={t('lines.catalogResults')}>
        {results?.length === 0 ? <li className="hint">{t('lines.noProducts')}</li> : null}
        {(results ?? []).map((hit) => (
          <li key={hit.product.id}>
            <Button
              variant="ghost"
              disabled={!hit.priceList || action.busy}
              aria-pressed={hit.product.id === selected?.product.id}
              onClick={() => setSelectedId(hit.product.id)}
              onDoubleClick={() => void add()}
              aria-label={t('lines.pick', { name: hit.product.name })}
            >
              {hit.product.sku} · {hit.product.name} ·{' '}
              {hit.unitPrice === null ? t('lines.noPrice') : fmt.money(hit.unitPrice, currency)}
            </Button>
          </li>
        ))}
      </ul>
      {selected ? null : <p className="hint">{t('lines.pickFirst')}</p>}
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
    </Dialog>
  );
};
