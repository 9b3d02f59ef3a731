// Links to related records that read as the record itself: an opportunity by its topic, a
// quote or an order by its number.
import { routeHref } from '../../../app/router';
import { useOpportunity } from '../../opportunities/queries';
import { useOrder } from '../../orders/queries';
import { useQuote } from '../../quotes/queries';

export const OpportunityTopic = ({ id }: { id: string }) => <>{useOpportunity(id)?.topic ?? '…'}</>;

export const OpportunityLink = ({ id }: { id: string }) => (
  <a href={routeHref('opportunities', id)}>
    <OpportunityTopic id={id} />
  </a>
);

export const QuoteLink = ({ id }: { id: string }) => {
  const quote = useQuote(id);
  return (
    <a href={routeHref('quotes', id)}>
      {quote ? `${quote.number} (${quote.revisionNumber})` : '…'}
    </a>
  );
};

export const OrderLink = ({ id }: { id: string }) => (
  <a href={routeHref('orders', id)}>{useOrder(id)?.number ?? '…'}</a>
);
