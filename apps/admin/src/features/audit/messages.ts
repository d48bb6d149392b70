import type { Message, Messages } from '@netral/ui/i18n';

export const m = {
  title: { id: 'Log Audit', en: 'Audit log' },
  lead: {
    id: 'Siapa mengubah apa dan kapan di {regency}. Log hanya dapat ditambah, dan setiap peristiwa terkait dengan peristiwa sebelumnya melalui hash.',
    en: 'Who changed what, and when, in {regency}. The log is append-only, and each event is linked to the previous one by a hash.',
  },
  verify: { id: 'Periksa rantai hash', en: 'Verify the hash chain' },
  verifying: { id: 'Memeriksa…', en: 'Verifying…' },
  chainOk: {
    id: 'Rantai hash utuh: {n} peristiwa diperiksa, tidak ada yang diubah atau dihapus.',
    en: 'The hash chain is intact: {n} events checked, none changed or removed.',
  },
  chainBroken: {
    id: 'Rantai hash RUSAK pada peristiwa #{id}: {reason}. Laporkan kepada admin nasional.',
    en: 'The hash chain is BROKEN at event #{id}: {reason}. Report it to the national administrator.',
  },
  caption: { id: 'Peristiwa audit, terbaru lebih dulu', en: 'Audit events, newest first' },
  time: { id: 'Waktu', en: 'Time' },
  actor: { id: 'Pengguna', en: 'User' },
  action: { id: 'Tindakan', en: 'Action' },
  entity: { id: 'Data', en: 'Record' },
  changes: { id: 'Perubahan', en: 'Changes' },
  field: { id: 'Isian', en: 'Field' },
  before: { id: 'Sebelum', en: 'Before' },
  after: { id: 'Sesudah', en: 'After' },
  showChanges: { id: 'Lihat {n} perubahan', en: 'Show {n} changes' },
  noChanges: { id: 'tanpa perubahan isian', en: 'no field changes' },
  system: { id: 'sistem', en: 'system' },
  more: { id: 'Tampilkan lebih banyak', en: 'Show more' },
  loadingMore: { id: 'Memuat…', en: 'Loading…' },
  end: { id: 'Semua peristiwa sudah ditampilkan.', en: 'All events are shown.' },
  shown: { id: '{n} peristiwa ditampilkan', en: '{n} events shown' },
  empty: { id: 'Belum ada peristiwa audit di wilayah ini.', en: 'No audit events in this regency yet.' },
} satisfies Messages;

/** Record types, as the log names them. */
export const entityLabels: Record<string, Message> = {
  case: { id: 'Kasus', en: 'Case' },
  circular: { id: 'Surat edaran', en: 'Circular' },
  provision: { id: 'Ketentuan', en: 'Provision' },
  unit: { id: 'Unit kerja', en: 'Work unit' },
  user: { id: 'Pengguna', en: 'User' },
  evidence: { id: 'Bukti', en: 'Evidence' },
  prohibition_type: { id: 'Jenis larangan', en: 'Prohibition type' },
  session: { id: 'Sesi', en: 'Session' },
};

/** Actions, as people say them; an unknown action shows its code. */
export const actionLabels: Record<string, Message> = {
  'circular.create': { id: 'Membuat konsep surat edaran', en: 'Created a circular draft' },
  'circular.update': { id: 'Mengubah konsep surat edaran', en: 'Edited a circular draft' },
  'circular.publish': { id: 'Menerbitkan surat edaran', en: 'Published a circular' },
  'circular.revoke': { id: 'Mencabut surat edaran', en: 'Revoked a circular' },
  'circular.supersede': { id: 'Membuat versi baru surat edaran', en: 'Started a new circular version' },
  'provision.update': { id: 'Mengubah ketentuan', en: 'Edited a provision' },
  'unit.create': { id: 'Menambah unit kerja', en: 'Added a work unit' },
  'unit.update': { id: 'Mengubah unit kerja', en: 'Edited a work unit' },
  'unit.retire': { id: 'Menonaktifkan unit kerja', en: 'Retired a work unit' },
  'unit.restore': { id: 'Mengaktifkan kembali unit kerja', en: 'Restored a work unit' },
  'unit.delete': { id: 'Menghapus unit kerja', en: 'Deleted a work unit' },
  'user.create': { id: 'Membuat pengguna', en: 'Created a user' },
  'user.update': { id: 'Mengubah pengguna', en: 'Edited a user' },
  'user.update_password': { id: 'Mengganti kata sandi pengguna', en: "Reset a user's password" },
  'user.disable': { id: 'Menonaktifkan pengguna', en: 'Disabled a user' },
  'user.enable': { id: 'Mengaktifkan pengguna', en: 'Enabled a user' },
  'case.create': { id: 'Mencatat kasus', en: 'Recorded a case' },
  'case.update': { id: 'Mengubah kasus', en: 'Edited a case' },
  'case.import': { id: 'Mengimpor kasus', en: 'Imported cases' },
  'case.evidence.add': { id: 'Menambah bukti kasus', en: 'Added case evidence' },
  'taxonomy.set_override': { id: 'Mengubah tingkat sanksi', en: 'Changed a sanction level' },
  'auth.logout': { id: 'Keluar', en: 'Signed out' },
};

/** `case.transition.verify` → "Memindahkan status kasus (verify)". */
export const transitionLabel: Message = { id: 'Memindahkan status kasus ({verb})', en: 'Moved a case ({verb})' };

/** Field names of audited records, where a reader would not guess them from the code name. */
export const fieldLabels: Record<string, Message> = {
  name: { id: 'Nama', en: 'Name' },
  kind: { id: 'Jenis', en: 'Kind' },
  parentId: { id: 'Unit induk', en: 'Parent unit' },
  retiredAt: { id: 'Nonaktif sejak', en: 'Retired on' },
  version: { id: 'Versi', en: 'Version' },
  createdAt: { id: 'Dibuat', en: 'Created' },
  updatedAt: { id: 'Diubah', en: 'Changed' },
  status: { id: 'Status', en: 'Status' },
  number: { id: 'Nomor', en: 'Number' },
  title: { id: 'Judul', en: 'Title' },
  issuedOn: { id: 'Tanggal', en: 'Date' },
  supersedesId: { id: 'Menggantikan', en: 'Supersedes' },
  supersededId: { id: 'Digantikan', en: 'Superseded' },
  provisions: { id: 'Ketentuan', en: 'Provisions' },
  codes: { id: 'Kode larangan', en: 'Prohibition codes' },
  reason: { id: 'Alasan', en: 'Reason' },
  username: { id: 'Nama pengguna', en: 'Username' },
  displayName: { id: 'Nama lengkap', en: 'Full name' },
  locale: { id: 'Bahasa', en: 'Language' },
  disabledAt: { id: 'Nonaktif sejak', en: 'Disabled since' },
  grants: { id: 'Peran', en: 'Roles' },
  regencyId: { id: 'Kabupaten/kota', en: 'Regency' },
};
