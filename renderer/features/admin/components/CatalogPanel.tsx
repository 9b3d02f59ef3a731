// The catalog: a price list's prices changed one at a time, or the whole catalog imported
// from CSV (nothing is imported while a line is wrong; each wrong line says why).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PriceList, Product } from '../../../../shared/domain/records';
import { useAction } from '../../../app/use-action';
import { inputToMinor, minorToInput } from '../../../i18n/format';
import { localizedText } from '../../../i18n/localized';
import { useFormat } from '../../../i18n/use-format';
import { Button } from '../../../ui/Button';
import { SelectField, TextArea } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { useOfficeCommands } from '../commands';
import { useOfficeData } from '../queries';

const PriceRow = ({
  list,
  product,
  onSaved,
}: {
  list: PriceList;
  product: Product;
  onSaved: () => void;
}) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const office = useOfficeCommands();
  const action = useAction();
  const item = list.items.find((i) => i.productId === product.id);
  const [text, setText] = useState(item ? minorToInput(item.unitPrice, list.currency) : '');
  const save = async () => {
    const unitPrice = inputToMinor(text, list.currency);
    const done = await action.run(async () =>
      unitPrice === null
        ? {
            ok: false as const,
            error: {
              code: 'price',
              message: { en: 'Type an amount such as 12.50.', it: 'Scrivi un importo come 12,50.' },
            },
          }
        : office.setPrice({ priceListId: list.id, productId: product.id, unitPrice }),
    );
    if (done !== undefined) onSaved();
  };
  return (
    <tr>
      <td>
        <code>{product.sku}</code>
      </td>
      <td>{product.name}</td>
      <td className="num">{item ? fmt.money(item.unitPrice, list.currency) : '—'}</td>
      <td>
        <input
          aria-label={t('admin.catalog.newPriceOf', { sku: product.sku })}
          inputMode="decimal"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        {action.error ? <div className="error">{action.error}</div> : null}
      </td>
      <td>
        <Button onClick={() => void save()} disabled={action.busy}>
          {t('admin.catalog.savePrice', { sku: product.sku })}
        </Button>
      </td>
    </tr>
  );
};

const CatalogImport = ({ onImported }: { onImported: () => void }) => {
  const { t, i18n } = useTranslation();
  const office = useOfficeCommands();
  const action = useAction();
  const [csv, setCsv] = useState('');
  const [outcome, setOutcome] = useState<Awaited<ReturnType<typeof office.importCatalog>> | null>(
    null,
  );
  const run = async () => {
    const result = await office.importCatalog(csv);
    setOutcome(result);
    if (result.ok && result.value.imported) onImported();
  };
  const done = outcome?.ok ? outcome.value : null;
  return (
    <section className="panel" aria-labelledby="catalog-import-title">
      <h2 id="catalog-import-title">{t('admin.catalog.importTitle')}</h2>
      <p className="hint">{t('admin.catalog.importColumns')}</p>
      <input
        type="file"
        accept=".csv,text/csv"
        aria-label={t('admin.catalog.chooseFile')}
        onChange={(e) => void e.target.files?.[0]?.text().then(setCsv)}
      />
      <TextArea
        label={t('admin.catalog.csv')}
        rows={6}
        wide
        value={csv}
        onChange={(e) => setCsv(e.target.value)}
      />
      <Button
        variant="primary"
        disabled={action.busy || csv.trim() === ''}
        onClick={() => void run()}
      >
        {t('admin.catalog.import')}
      </Button>
      {outcome && !outcome.ok ? (
        <Notice kind="error">{localizedText(outcome.error.message, i18n.language)}</Notice>
      ) : null}
      {done?.imported ? (
        <Notice kind="success">
          {t('admin.catalog.imported', { products: done.products, lists: done.priceLists })}
        </Notice>
      ) : null}
      {done && !done.imported ? (
        <Notice kind="error">
          {localizedText(done.messages, i18n.language)}
          <ul aria-label={t('admin.catalog.wrongLines')}>
            {done.lines.map((l) => (
              <li key={l.line}>
                {t('admin.catalog.line', { line: l.line })}:{' '}
                {localizedText(l.messages, i18n.language)}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
    </section>
  );
};

export const CatalogPanel = () => {
  const { t } = useTranslation();
  const catalog = useOfficeData((o) => o.catalog());
  const [listId, setListId] = useState<string | null>(null);
  // By name: the server lists them in the order they last changed.
  const lists = [...(catalog.data?.priceLists ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const list = lists.find((l) => l.id === listId) ?? lists[0];
  const products = [...(catalog.data?.products ?? [])].sort((a, b) => a.sku.localeCompare(b.sku));
  return (
    <>
      {catalog.error ? <Notice kind="error">{catalog.error}</Notice> : null}
      {lists.length > 0 && list ? (
        <SelectField
          label={t('admin.catalog.priceList')}
          value={list.id}
          onChange={(e) => setListId(e.target.value)}
          options={lists.map((l) => ({
            value: l.id,
            label: l.name.includes(l.currency) ? l.name : `${l.name} (${l.currency})`,
          }))}
        />
      ) : (
        <p>{t('admin.catalog.noLists')}</p>
      )}
      {list ? (
        <table className="grid" aria-label={t('admin.catalog.pricesOf', { name: list.name })}>
          <thead>
            <tr>
              <th>SKU</th>
              <th>{t('common.name')}</th>
              <th className="num">{t('admin.catalog.price')}</th>
              <th>{t('admin.catalog.newPrice')}</th>
              <th>
                <span className="visually-hidden">{t('common.save')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {products.map((p) => (
              <PriceRow
                key={`${list.id}/${p.id}/${list.updatedAt}`}
                list={list}
                product={p}
                onSaved={catalog.reload}
              />
            ))}
          </tbody>
        </table>
      ) : null}
      <CatalogImport onImported={catalog.reload} />
    </>
  );
};
