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
  'qualify' | 'disqualify' | 'closeWon' | 'closeLost' | 'closeQuote' | 'cancelOrder' | 'addLine';

type UiState = {
  locale: UiLocale;
  /** Empty means: the server that served this page. */
  serverUrl: string;
  /** The fair or event the quick-capture form pre-fills as source detail. */
  fairName: string;
  /** Idle minutes before the app locks (default 15). */
  lockAfterMinutes: number;
  leadFilters: LeadFilters;
  openDialog: DialogName | null;
  setLocale: (locale: UiLocale) => void;
  setServerUrl: (url: string) => void;
  setFairName: (name: string) => void;
  setLockAfterMinutes: (minutes: number) => void;
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
      lockAfterMinutes: 15,
      leadFilters: { text: '', state: 'open', rating: 'all', source: 'all' },
      openDialog: null,
      setLocale: (locale) => set({ locale }),
      setServerUrl: (serverUrl) => set({ serverUrl: serverUrl.trim().replace(/\/+$/, '') }),
      setFairName: (fairName) => set({ fairName }),
      setLockAfterMinutes: (lockAfterMinutes) => set({ lockAfterMinutes }),
      setLeadFilters: (patch) => set((s) => ({ leadFilters: { ...s.leadFilters, ...patch } })),
      showDialog: (openDialog) => set({ openDialog }),
    }),
    {
      name: 'fairlead.ui',
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({
        locale: s.locale,
        serverUrl: s.serverUrl,
        fairName: s.fairName,
        lockAfterMinutes: s.lockAfterMinutes,
      }),
    },
  ),
);

/** Where `npm start` runs the sync server: the desktop app's default. */
export const LOCAL_SERVER_URL = 'http://127.0.0.1:8787';

/**
 * The sync server's base URL: the configured one, else this page's origin (the browser build
 * is served with the API), else the local server (the desktop app loads from app://).
 */
export const effectiveServerUrl = (configured: string): string => {
  if (configured !== '') return configured;
  const { protocol, origin } = window.location;
  return protocol === 'http:' || protocol === 'https:' ? origin : LOCAL_SERVER_URL;
};
