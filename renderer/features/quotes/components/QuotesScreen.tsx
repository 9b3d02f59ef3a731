import { useTranslation } from 'react-i18next';
import { quoteStates } from '../../../../shared/domain/records';
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
        kind="quote"
        label={t('quote.list')}
        docs={quotes}
        number={(q) => `${q.number} (${q.revisionNumber})`}
        states={quoteStates}
        stateLabel={(s) => t(`quote.states.${s}`)}
        statusLabel={(d) => documentStateLabel(t, 'quote', d)}
        emptyText={t('quote.empty')}
        dateHeader={t('common.created')}
        onOpen={(id) => navigate('quotes', id)}
      />
    </section>
  );
};
