// Formatting bound to the UI's current language.
import { useTranslation } from 'react-i18next';
import type { UiLocale } from './format';
import { formatDate, formatDateTime, formatMoney, formatQuantity, formatRate } from './format';

export type Formatters = {
  locale: UiLocale;
  money: (minor: number, currency: string) => string;
  date: (iso: string | null | undefined) => string;
  dateTime: (iso: string | null | undefined) => string;
  rate: (basisPoints: number) => string;
  quantity: (quantity: number) => string;
};

export const useFormat = (): Formatters => {
  const { i18n } = useTranslation();
  const locale: UiLocale = i18n.language.startsWith('it') ? 'it' : 'en';
  return {
    locale,
    money: (minor, currency) => formatMoney(minor, currency, locale),
    date: (iso) => formatDate(iso, locale),
    dateTime: (iso) => formatDateTime(iso, locale),
    rate: (bp) => formatRate(bp, locale),
    quantity: (q) => formatQuantity(q, locale),
  };
};
