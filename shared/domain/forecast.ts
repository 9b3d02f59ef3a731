// Forecast categories of an opportunity, as Dynamics 365 and Salesforce name them. An open
// opportunity follows its stage and probability until someone picks a category for it; a
// closed one is Won or Lost whatever was picked.
import type { Result } from './errors';
import { fail, ok } from './errors';
import type { Opportunity } from './records';
import { openForecastCategories } from './records';

export { openForecastCategories };

export const forecastCategories = [
  'pipeline',
  'best_case',
  'commit',
  'omitted',
  'won',
  'lost',
] as const;
export type ForecastCategory = (typeof forecastCategories)[number];

/** What a person may pick for an open opportunity (Won and Lost come from closing it). */
export type OpenForecastCategory = (typeof openForecastCategories)[number];

type Forecastable = Pick<Opportunity, 'state' | 'status' | 'stage' | 'probability'> & {
  forecastCategory?: Opportunity['forecastCategory'];
};

// Thresholds of the default: a deal in its closing stage or at 80 % is committed, one being
// proposed or at 50 % is the best case, anything else is pipeline; on hold is omitted.
const COMMIT_PROBABILITY = 80;
const BEST_CASE_PROBABILITY = 50;

/** The category an open opportunity gets when nobody picked one. */
export const defaultForecastCategory = (o: Forecastable): ForecastCategory => {
  if (o.state === 'won') return 'won';
  if (o.state === 'lost') return 'lost';
  if (o.status === 'on_hold') return 'omitted';
  if (o.stage === 'close' || o.probability >= COMMIT_PROBABILITY) return 'commit';
  if (o.stage === 'propose' || o.probability >= BEST_CASE_PROBABILITY) return 'best_case';
  return 'pipeline';
};

/** The category the forecast counts the opportunity in. */
export const forecastCategoryOf = (o: Forecastable): ForecastCategory => {
  if (o.state !== 'open') return defaultForecastCategory(o);
  return o.forecastCategory ?? defaultForecastCategory(o);
};

/** Checks a picked category: one of the open ones, or null to follow stage and probability. */
export const checkForecastCategory = (value: unknown): Result<void> =>
  value === null || (openForecastCategories as readonly unknown[]).includes(value)
    ? ok(undefined)
    : fail(
        'opportunity.forecast_category_invalid',
        'The forecast category must be Pipeline, Best case, Commit or Omitted.',
        'La categoria di previsione deve essere Pipeline, Caso migliore, Impegno oppure Omessa.',
        'forecastCategory',
      );
