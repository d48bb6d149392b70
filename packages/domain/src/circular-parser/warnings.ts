/**
 * The parser's remarks, each with a stable code and a message in both UI languages.
 * Kept in one table so translators see every sentence the parser can say.
 */
import type { ParseWarning } from './schema';

type Messages = (p: Record<string, string>) => { id: string; en: string };

const catalog = {
  EMPTY_INPUT: () => ({ id: 'Teks kosong: tidak ada yang dapat dibaca.', en: 'Empty text: nothing to read.' }),
  INPUT_TRUNCATED: (p) => ({
    id: `Teks terlalu panjang; hanya ${p.chars} karakter pertama yang dibaca.`,
    en: `Text too long; only the first ${p.chars} characters were read.`,
  }),
  BINARY_INPUT: () => ({
    id: 'Teks berisi banyak karakter kendali; mungkin bukan dokumen teks.',
    en: 'The text contains many control characters; it may not be a text document.',
  }),
  MISSING_NUMBER: () => ({ id: 'Nomor surat edaran tidak ditemukan.', en: 'Circular number not found.' }),
  MISSING_DATE: () => ({ id: 'Tanggal surat edaran tidak ditemukan.', en: 'Date of the circular not found.' }),
  INCOMPLETE_DATE: (p) => ({
    id: `Tanggal tidak lengkap atau tidak valid: "${p.text}".`,
    en: `Incomplete or invalid date: "${p.text}".`,
  }),
  MISSING_PLACE: () => ({ id: 'Tempat penetapan tidak ditemukan.', en: 'Place of issue not found.' }),
  MISSING_TITLE: () => ({ id: 'Judul (TENTANG/Perihal) tidak ditemukan.', en: 'Title (TENTANG/Perihal) not found.' }),
  MISSING_ISSUER: () => ({
    id: 'Kop/instansi penerbit tidak ditemukan.',
    en: 'Issuing office (letterhead) not found.',
  }),
  MISSING_SIGNATORY: () => ({ id: 'Nama penanda tangan tidak ditemukan.', en: 'Signatory name not found.' }),
  MISSING_ADDRESSEES: () => ({ id: 'Alamat tujuan (Yth.) tidak ditemukan.', en: 'Addressees (Yth.) not found.' }),
  MISSING_SCOPE: () => ({
    id: 'Cakupan pegawai (ASN/Non ASN/perangkat desa) tidak dikenali.',
    en: 'Scope (ASN/Non-ASN/village officials) not recognised.',
  }),
  MISSING_REGION: () => ({
    id: 'Nama kabupaten/kota atau provinsi tidak dikenali.',
    en: 'Regency/city or province name not recognised.',
  }),
  MISSING_OPENING: () => ({ id: 'Paragraf pembuka tidak ditemukan.', en: 'Opening paragraph not found.' }),
  MISSING_CLOSING: () => ({
    id: 'Kalimat penutup ("Demikian …") tidak ditemukan.',
    en: 'Closing sentence ("Demikian …") not found.',
  }),
  NO_PROVISIONS: () => ({
    id: 'Tidak ada butir bernomor yang ditemukan.',
    en: 'No numbered provisions found.',
  }),
  UNNUMBERED_PARAGRAPH_APPENDED: (p) => ({
    id: `Paragraf tanpa nomor digabungkan ke butir ${p.path}.`,
    en: `Unnumbered paragraph appended to provision ${p.path}.`,
  }),
  UNNUMBERED_PARAGRAPH_LEAD_IN: (p) => ({
    id: `Paragraf tanpa nomor dipakai sebagai pengantar daftar berikutnya (mulai ${p.path}).`,
    en: `Unnumbered paragraph used as the lead-in of the next list (from ${p.path}).`,
  }),
  UNNUMBERED_HEADING: (p) => ({
    id: `Judul bagian tanpa nomor "${p.text}" tidak dapat ditempatkan; dipakai sebagai konteks butir berikutnya.`,
    en: `Unnumbered heading "${p.text}" could not be placed; used as context for the next provision.`,
  }),
  SKIPPED_LABEL: (p) => ({
    id: `Penomoran melompat: diharapkan "${p.expected}", ditemukan "${p.found}".`,
    en: `Numbering skips: expected "${p.expected}", found "${p.found}".`,
  }),
  LABEL_OUT_OF_ORDER: (p) => ({
    id: `Nomor "${p.found}" tidak berurutan (sebelumnya "${p.previous}").`,
    en: `Label "${p.found}" is out of order (previous "${p.previous}").`,
  }),
  LIST_RESTARTED: (p) =>
    p.parent
      ? {
          id: `Penomoran dimulai ulang di bawah ${p.parent}; dianggap kelompok baru.`,
          en: `Numbering restarts under ${p.parent}; treated as a new group.`,
        }
      : {
          id: 'Penomoran tingkat teratas dimulai ulang; dianggap kelompok baru.',
          en: 'Top-level numbering restarts; treated as a new group.',
        },
  DUPLICATE_PATH: (p) => ({
    id: `Nomor ${p.path} sudah dipakai; butir ini diberi jalur ${p.newPath}.`,
    en: `Path ${p.path} is already taken; this provision gets ${p.newPath}.`,
  }),
  TOO_DEEP: (p) => ({
    id: `Tingkat daftar lebih dari ${p.max}; butir ditempatkan pada tingkat yang ada.`,
    en: `List nesting deeper than ${p.max}; provision kept at an existing level.`,
  }),
  EMPTY_PROVISION: (p) => ({ id: `Butir ${p.path} tidak berisi teks.`, en: `Provision ${p.path} has no text.` }),
  INTERNAL_ERROR: (p) => ({
    id: `Sebagian dokumen tidak dapat diproses (${p.stage}); hasil mungkin tidak lengkap.`,
    en: `Part of the document could not be processed (${p.stage}); the result may be incomplete.`,
  }),
} satisfies Record<string, Messages>;

export type WarningCode = keyof typeof catalog;

/**
 * Builds a warning from the catalog.
 *
 * @example makeWarning('SKIPPED_LABEL', 12, { expected: '3', found: '4' })
 */
export function makeWarning(code: WarningCode, line?: number, params: Record<string, string> = {}): ParseWarning {
  const message = (catalog[code] as Messages)(params);
  return line !== undefined && line >= 1 ? { code, line, message } : { code, message };
}
