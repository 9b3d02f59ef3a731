// The one native boundary of the renderer (DESIGN.md §1): an Electron implementation over
// the preload bridge and a browser implementation. Everything else stays web-standard.

import type { Locale } from './domain/errors';
import type { RegardingType } from './domain/records';

export type PlatformResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export type UpdateStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'checking' }
  | { readonly state: 'available'; readonly version: string }
  | { readonly state: 'downloading'; readonly percent: number }
  | { readonly state: 'ready'; readonly version: string }
  | { readonly state: 'unsupported'; readonly reason: string }
  | { readonly state: 'error'; readonly message: string };

export type SecretStorageStatus = { readonly available: boolean; readonly backend: string };

/** A record to open, from a `fairlead://<record>/<id>` link. */
export type RecordLink = { readonly record: RegardingType; readonly id: string };

export type Platform = {
  /** 'electron' or 'browser'. */
  readonly kind: 'electron' | 'browser';
  /** Stores a secret (session token, device key) in the OS keyring where there is one. */
  setSecret(key: string, value: string): Promise<PlatformResult<void>>;
  getSecret(key: string): Promise<PlatformResult<string | null>>;
  deleteSecret(key: string): Promise<PlatformResult<void>>;
  secretStorageStatus(): Promise<SecretStorageStatus>;
  /** Saves a file through a save dialog; resolves to the chosen path, or null if canceled. */
  saveFile(request: {
    suggestedName: string;
    kind: 'pdf' | 'csv' | 'xml';
    content: string | Uint8Array;
  }): Promise<PlatformResult<string | null>>;
  /** Saves the current view as PDF through a save dialog. */
  savePageAsPdf(suggestedName: string): Promise<PlatformResult<string | null>>;
  /**
   * Opens a CSV, vCard or .xlsx file through an open dialog; resolves to its text (an .xlsx
   * comes as its bytes, with empty text), or null if canceled.
   */
  openCsv(): Promise<
    PlatformResult<{ name: string; text: string; bytes?: Uint8Array | undefined } | null>
  >;
  print(): Promise<PlatformResult<void>>;
  appVersion(): Promise<string>;
  updateStatus(): Promise<UpdateStatus>;
  /** Opens an http(s) link in the system browser after validation. */
  openExternal(url: string): Promise<PlatformResult<void>>;
  /** Subscribes to `fairlead://` links opened from outside; returns the unsubscribe function. */
  onOpenRecord?(listener: (link: RecordLink) => void): () => void;
  /** Tells the shell the UI language, so native menus and dialogs follow it. */
  setLanguage?(language: Locale): Promise<PlatformResult<void>>;
  /**
   * Keeps the device's installation id outside the renderer's storage (the desktop app's
   * user data folder), so clearing the renderer's data keeps the device: answers the id
   * already kept, or keeps `proposed` when there is none.
   */
  keepInstallationId?(proposed: string): Promise<PlatformResult<string>>;
  /**
   * Desktop only: makes `url`'s origin the one server the app may connect to (its CSP). When
   * it changes, the window reloads under the new policy (`reloading`).
   */
  trustSyncServer?(url: string): Promise<PlatformResult<{ origin: string; reloading: boolean }>>;
};
