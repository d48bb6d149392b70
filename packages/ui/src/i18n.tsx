/**
 * Internationalisation: Bahasa Indonesia first, English second.
 *
 * Messages live beside the components that use them, as `{ id, en }` pairs, so a missing
 * translation is a type error, not a blank on screen:
 *
 * @example
 * const m = { title: { id: 'Surat Edaran', en: 'Circulars' } } satisfies Messages;
 * const { t } = useI18n();
 * <h1>{t(m.title)}</h1>
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';

export type Locale = 'id' | 'en';
export const LOCALES: readonly Locale[] = ['id', 'en'];

/** One message in both languages. */
export interface Message {
  id: string;
  en: string;
}
export type Messages = Record<string, Message>;

/** A message with `{name}` placeholders filled in. */
export function interpolate(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/**
 * The half of an `"id / en"` message (the API's zod messages are written that way) for a locale;
 * a message without the separator is returned as is.
 */
export function pickLocale(message: string, locale: Locale): string {
  const at = message.indexOf(' / ');
  if (at < 0) return message;
  return locale === 'id' ? message.slice(0, at) : message.slice(at + 3);
}

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  /** The message in the current language, with `{placeholders}` filled from `values`. */
  t(message: Message, values?: Record<string, string | number>): string;
}

const STORAGE_KEY = 'netral.locale';

function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'id' || stored === 'en') return stored;
  } catch {
    // Storage may be disabled; Indonesian is the default.
  }
  return 'id';
}

/** The locale the rest of the app (and the tRPC link) reads outside React. */
let currentLocale: Locale = typeof window === 'undefined' ? 'id' : initialLocale();
export function getLocale(): Locale {
  return currentLocale;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(currentLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    currentLocale = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisted; the choice still holds for this page.
    }
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (message, values) => (values ? interpolate(message[locale], values) : message[locale]),
    }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** Words every screen needs. */
export const common = {
  appName: { id: 'Netral', en: 'Netral' },
  loading: { id: 'Memuat…', en: 'Loading…' },
  retry: { id: 'Coba lagi', en: 'Try again' },
  save: { id: 'Simpan', en: 'Save' },
  cancel: { id: 'Batal', en: 'Cancel' },
  close: { id: 'Tutup', en: 'Close' },
  edit: { id: 'Ubah', en: 'Edit' },
  search: { id: 'Cari', en: 'Search' },
  filter: { id: 'Saring', en: 'Filter' },
  reset: { id: 'Atur ulang', en: 'Reset' },
  all: { id: 'Semua', en: 'All' },
  yes: { id: 'Ya', en: 'Yes' },
  no: { id: 'Tidak', en: 'No' },
  previous: { id: 'Sebelumnya', en: 'Previous' },
  next: { id: 'Berikutnya', en: 'Next' },
  page: { id: 'Halaman {page}', en: 'Page {page}' },
  rowsOf: { id: '{from}–{to} dari {total}', en: '{from}–{to} of {total}' },
  empty: { id: 'Belum ada data.', en: 'No data yet.' },
  language: { id: 'Bahasa', en: 'Language' },
  logout: { id: 'Keluar', en: 'Sign out' },
  regency: { id: 'Kabupaten/Kota', en: 'Regency/City' },
  skipToContent: { id: 'Lompat ke konten utama', en: 'Skip to main content' },
  mainNav: { id: 'Navigasi utama', en: 'Main navigation' },
  notFoundTitle: { id: 'Tidak ditemukan atau tidak ada akses', en: 'Not found or no access' },
  notFoundText: {
    id: 'Data ini tidak ada, atau Anda tidak memiliki akses ke wilayahnya.',
    en: 'This record does not exist, or you have no access to its regency.',
  },
  errorTitle: { id: 'Terjadi kesalahan', en: 'Something went wrong' },
  offline: {
    id: 'Tidak dapat menghubungi server. Periksa koneksi Anda.',
    en: 'Cannot reach the server. Check your connection.',
  },
  required: { id: 'Wajib diisi', en: 'Required' },
} satisfies Messages;
