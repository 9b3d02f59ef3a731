// UI state only (DESIGN.md §1): locale, server address, filters, open dialogs. Never records.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { UiLocale } from '../i18n/format';

export type LeadFilters = {
  text: string;
  state: 'open' | 'qualified' | 'disqualified' | 'all';
  rating: 'hot' | 'warm' | 'cold' | 'all';
  source: 'trade_fair' | 'web' | 'email' | 'referral' | 'other' | 'all';
  /** A trade fair's id; all fairs when absent or 'all'. */
  fair?: string;
  /** With a fair: one of its questions ('' for none) and the answer wanted (see answerMatches). */
  fairQuestion?: string;
  fairAnswer?: string;
};

export type DialogName =
  'qualify' | 'disqualify' | 'closeWon' | 'closeLost' | 'closeQuote' | 'cancelOrder' | 'addLine';

type UiState = {
  locale: UiLocale;
  /** Empty means: the server that served this page. */
  serverUrl: string;
  /** The current trade fair's id ('' for none): captures are tagged with it (fair mode). */
  currentFairId: string;
  /** Idle minutes before the app locks (default 15). */
  lockAfterMinutes: number;
  leadFilters: LeadFilters;
  openDialog: DialogName | null;
  setLocale: (locale: UiLocale) => void;
  setServerUrl: (url: string) => void;
  setCurrentFairId: (id: string) => void;
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
      currentFairId: '',
      lockAfterMinutes: 15,
      leadFilters: {
        text: '',
        state: 'open',
        rating: 'all',
        source: 'all',
        fair: 'all',
        fairQuestion: '',
        fairAnswer: '',
      },
      openDialog: null,
      setLocale: (locale) => set({ locale }),
      setServerUrl: (serverUrl) => set({ serverUrl: serverUrl.trim().replace(/\/+$/, '') }),
      setCurrentFairId: (currentFairId) => set({ currentFairId }),
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
        currentFairId: s.currentFairId,
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
