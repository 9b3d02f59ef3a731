// UI state only (DESIGN.md §1): locale, server address, filters, open dialogs. Never records.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { UiLocale } from '../i18n/format';

export type LeadFilters = {
  text: string;
  state: 'open' | 'qualified' | 'disqualified' | 'all';
  rating: 'hot' | 'warm' | 'cold' | 'all';
  source: 'trade_fair' | 'web' | 'email' | 'referral' | 'other' | 'all';
};

export type DialogName =
  | 'qualify'
  | 'disqualify'
  | 'closeWon'
  | 'closeLost'
  | 'closeQuote'
  | 'cancelOrder'
  | 'cancelInvoice'
  | 'addLine';

type UiState = {
  locale: UiLocale;
  /** Empty means: the server that served this page. */
  serverUrl: string;
  /** The fair or event the quick-capture form pre-fills as source detail. */
  fairName: string;
  leadFilters: LeadFilters;
  openDialog: DialogName | null;
  setLocale: (locale: UiLocale) => void;
  setServerUrl: (url: string) => void;
  setFairName: (name: string) => void;
  setLeadFilters: (patch: Partial<LeadFilters>) => void;
  showDialog: (name: DialogName | null) => void;
};

const defaultLocale = (): UiLocale =>
  typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('it')
    ? 'it'
    : 'en';

export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      locale: defaultLocale(),
      serverUrl: '',
      fairName: '',
      leadFilters: { text: '', state: 'open', rating: 'all', source: 'all' },
      openDialog: null,
      setLocale: (locale) => set({ locale }),
      setServerUrl: (serverUrl) => set({ serverUrl: serverUrl.trim().replace(/\/+$/, '') }),
      setFairName: (fairName) => set({ fairName }),
      setLeadFilters: (patch) => set((s) => ({ leadFilters: { ...s.leadFilters, ...patch } })),
      showDialog: (openDialog) => set({ openDialog }),
    }),
    {
      name: 'fairlead.ui',
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ locale: s.locale, serverUrl: s.serverUrl, fairName: s.fairName }),
    },
  ),
);

/** The sync server's base URL: the configured one, or this page's origin. */
export const effectiveServerUrl = (configured: string): string =>
  configured !== '' ? configured : window.location.origin;
