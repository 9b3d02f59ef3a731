// i18next set up with both locales bundled: the app must work offline from the first start.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import it from './it.json';
import type { UiLocale } from './format';

export const locales: readonly UiLocale[] = ['it', 'en'];

export const initI18n = (locale: UiLocale): typeof i18next => {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, it: { translation: it } },
    lng: locale,
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = locale;
  return i18next;
};

export const changeLocale = (locale: UiLocale): void => {
  void i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
};

export type { UiLocale } from './format';
