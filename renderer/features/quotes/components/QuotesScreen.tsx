import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/router';
import { DocumentList } from '../../documents/components/DocumentList';
import { useQuoteList } from '../queries';
import { documentStateLabel } from '../../documents/state-label';

export const QuotesScreen = () => {
  const { t } = useTranslation();
  const quotes = useQuoteList();
  return (
    <section className="page" aria-labelledby="quotes-title">
      <div className="page-head">
        <h1 id="quotes-title">{t('quote.title')}</h1>
      </div>
      <DocumentList
        label={t('quote.list')}
        rows={quotes?.map((q) => ({
          id: q.id,
          number: `${q.number} (${q.revisionNumber})`,
          name: q.name,
          state: q.state,
          statusLabel: documentStateLabel(t, 'quote', q),
          date: q.createdAt,
          currency: q.currency,
          totals: q.totals,
        }))}
        emptyText={t('quote.empty')}
        dateHeader={t('common.created')}
        onOpen={(id) => navigate('quotes', id)}
      />
    </section>
  );
};
