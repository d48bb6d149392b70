import type { Messages } from '@netral/ui/i18n';

export const m = {
  appTitle: { id: 'Netral · Admin', en: 'Netral · Admin' },
  cases: { id: 'Kasus', en: 'Cases' },
  circulars: { id: 'Surat Edaran', en: 'Circulars' },
  units: { id: 'Unit Kerja', en: 'Work units' },
  users: { id: 'Pengguna', en: 'Users' },
  audit: { id: 'Log Audit', en: 'Audit log' },
  analytics: { id: 'Analitik', en: 'Analytics' },
  switchRegency: { id: 'Pilih kabupaten/kota', en: 'Choose regency/city' },
  analystOnlyTitle: { id: 'Akun analis', en: 'Analyst account' },
  analystOnlyText: {
    id: 'Akun Anda hanya untuk analitik. Data kasus per orang tidak tersedia untuk peran ini.',
    en: 'Your account is for analytics only. Case records of individuals are not available to this role.',
  },
  openAnalytics: { id: 'Buka Analitik', en: 'Open Analytics' },
  logout: { id: 'Keluar', en: 'Sign out' },
} satisfies Messages;
