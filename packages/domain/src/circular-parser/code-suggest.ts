/**
 * Proposes national taxonomy codes (DOMAIN.md §3) for prohibition items. Each code has anchor
 * phrases (one must occur in the item itself) and supporting phrases; the lead-in supplies the
 * context an item leaves out ("ikut kampanye" under "memberikan dukungan kepada calon … dengan
 * cara:" is PP 94 Pasal 5 huruf n). Bakal calon points to kode etik (KE-*), calon to disiplin.
 */
import type { ProhibitionTypeCode } from '../taxonomy';
import { prohibitionTypes } from '../taxonomy';
import { foldForMatch } from './normalize';
import type { CodeSuggestion } from './schema';

/** Codes scoring at least this are listed by the CLI (`toCircularJson`). */
export const codeScoreThreshold = 0.5;
/** Below this a suggestion is noise and is dropped. */
const MIN_SCORE = 0.2;
const MAX_SUGGESTIONS = 5;
/** Within a family (ikut: PP94-5N-1 vs KE-06) the runners-up are damped: one act, one code. */
const FAMILY_DAMPING = 0.6;

interface Feature {
  re: RegExp;
  w: number;
}

interface CodeRule {
  code: ProhibitionTypeCode;
  anchors: Feature[];
  support?: Feature[];
  penalties?: Feature[];
  /** KE-* speak of bakal calon, most DS-* of calon. */
  stage?: 'bakal' | 'calon';
  /** Bonus (or malus when negative) under a PP 94 Pasal 5 huruf n lead-in. */
  pp94?: number;
}

const f = (re: RegExp, w: number): Feature => ({ re, w });

const PESERTA_KAMPANYE = /\bpeserta kampanye\b/;
const KEPUTUSAN = /\bmembuat keputusan\b|\bkeputusan dan\/atau tindakan\b|\bkeputusan\/tindakan\b/;
const MENGUNTUNGKAN = /\bmenguntungkan\b|\bmerugikan\b/;
const KEGIATAN_ANCHORS = [
  f(/\bmengadakan kegiatan\b/, 0.3),
  f(/\bkegiatan yang mengarah\b/, 0.2),
  f(/\bmengarah (?:kepada|pada|ke) keberpihakan\b/, 0.15),
];
const PERTEMUAN = /\bpertemuan,? ajakan,? (?:himbauan|imbauan),? (?:dan |atau )?seruan\b/;
const KTP_ANCHORS = [f(/\bsurat dukungan\b/, 0.3), f(/\b(?:ktp|kartu tanda penduduk)\b/, 0.2)];
const CLTN = /\bcuti di luar tanggungan negara\b|\bcltn\b/;
const APK_ANCHORS = [
  f(
    /\b(?:memasang|pemasangan|menempel\w*|menyebarkan|mendistribusikan)\b[^.;]{0,30}?\b(?:spanduk|baliho|alat peraga|stiker|poster|banner|billboard|umbul-umbul|bendera)\b/,
    0.5,
  ),
  f(/\b(?:spanduk|baliho|alat peraga kampanye|apk)\b/, 0.3),
];
const MEDSOS_ANCHORS = [f(/\b(?:media sosial|online|daring|internet|media elektronik)\b/, 0.25)];
const MEDSOS_SUPPORT = [f(/\b(?:sosialisasi|kampanye|promosi|mempromosikan|mengkampanyekan)\b/, 0.25)];
const MEDSOS_PENALTIES = [f(/\bfoto bersama\b/, 0.2), f(/\b(?:posting|comment|share|like|follow)\b/, 0.1)];
const HADIR_ANCHORS = [
  f(/\bmenghadiri\b[^.;]{0,20}?\b(?:deklarasi|kampanye)\b/, 0.5),
  f(/\bhadir (?:dalam|pada|di) (?:acara |kegiatan )?(?:deklarasi|kampanye)\b/, 0.4),
];
const AKUN_ANCHORS = [
  f(/\b(?:posting|comment|komentar|share|like|follow|menyukai|membagikan|mengomentari)\b/, 0.3),
  f(/\b(?:grup|group|akun) (?:pemenangan|kampanye|tim|relawan)\b/, 0.3),
];
const FOTO_ANCHORS = [
  f(/\bfoto bersama\b/, 0.4),
  f(/\b(?:memposting|mengunggah|mengupload|posting)\b[^.;]{0,80}?\bfoto\b/, 0.2),
];
const FOTO_SUPPORT = [
  f(/\bsimbol keberpihakan\b|\bmemperagakan\b/, 0.15),
  f(/\blatar belakang foto\b/, 0.1),
  f(/\batribut partai\b/, 0.05),
  f(/\bmedia sosial\b/, 0.05),
];
const TIM_ANCHORS = [f(/\btim (?:ahli|pemenangan|sukses|kampanye)\b|\bkonsultan\b/, 0.45)];
const FOTO_PENALTY = f(/\bfoto\b/, 0.3);

const RULES: readonly CodeRule[] = [
  {
    code: 'PP94-5N-1',
    anchors: [
      f(/\b(?:ikut|turut)(?: serta)?(?: dalam)? (?:kegiatan )?kampanye\b/, 0.55),
      f(/\bmengikuti (?:kegiatan )?kampanye\b/, 0.45),
    ],
    penalties: [f(PESERTA_KAMPANYE, 0.4), f(/\bbakal (?:pasangan )?calon\b/, 0.25)],
    pp94: 0.25,
  },
  {
    code: 'KE-06',
    anchors: [
      f(/\bikut (?:serta )?dalam kegiatan (?:kampanye|sosialisasi|pengenalan)\b/, 0.5),
      f(/\b(?:ikut|turut|mengikuti)\b[^.;]{0,40}?\b(?:kampanye|sosialisasi|pengenalan)\b/, 0.3),
    ],
    support: [f(/\bpengenalan\b/, 0.1), f(/\bpartai politik\b/, 0.05)],
    penalties: [f(PESERTA_KAMPANYE, 0.3), f(/\b(?:suami|istri)\b/, 0.3)],
    stage: 'bakal',
  },
  {
    code: 'PP94-5N-2',
    anchors: [f(/\batribut\b/, 0.35)],
    support: [
      f(PESERTA_KAMPANYE, 0.15),
      f(/\batribut partai\b/, 0.15),
      f(/\bmenggunakan atribut\b/, 0.05),
      f(/\batribut (?:pns|asn|korpri)\b/, 0.1),
    ],
    pp94: 0.15,
  },
  {
    code: 'EX-05',
    anchors: [f(/\batribut (?:pns|asn|korpri)\b|\bseragam\b|\bpakaian dinas\b/, 0.35)],
    support: [
      f(/\bkampanye\b/, 0.15),
      f(/\bpeserta kampanye dengan atribut (?:pns|asn)\b/, 0.15),
      f(/\bseragam\b|\bpakaian\b/, 0.1),
    ],
    penalties: [f(/\batribut partai\b/, 0.1)],
    pp94: -0.15,
  },
  {
    code: 'PP94-5N-3',
    anchors: [f(/\bmengerahkan\b|\bpengerahan\b|\bmemobilisasi\b/, 0.4)],
    support: [f(/\b(?:pns|asn|pegawai)\b/, 0.1), f(PESERTA_KAMPANYE, 0.2)],
    pp94: 0.15,
  },
  {
    code: 'EX-04',
    anchors: [f(/\bmengerahkan\b|\bpengerahan\b|\bmemobilisasi\b/, 0.4)],
    support: [f(/\b(?:asn|pns|pegawai) lain\b/, 0.1)],
    penalties: [f(PESERTA_KAMPANYE, 0.1)],
    pp94: -0.15,
  },
  {
    code: 'PP94-5N-4',
    anchors: [f(/\bfasilitas (?:negara|pemerintah|dinas|jabatan|kantor)\b/, 0.4)],
    support: [f(PESERTA_KAMPANYE, 0.25)],
    pp94: 0.15,
  },
  {
    code: 'EX-03',
    anchors: [f(/\bfasilitas (?:negara|pemerintah|dinas|jabatan|kantor)\b/, 0.4)],
    support: [
      f(/\bjabatan\b/, 0.1),
      f(/\b(?:kendaraan|mobil|rumah|gedung|kantor) dinas\b|\bkendaraan\b/, 0.1),
      f(/\bkampanye\b/, 0.05),
    ],
    penalties: [f(PESERTA_KAMPANYE, 0.1)],
    pp94: -0.15,
  },
  {
    code: 'PP94-5N-5',
    anchors: [f(KEPUTUSAN, 0.35)],
    support: [
      f(MENGUNTUNGKAN, 0.2),
      f(/\bsalah satu (?:pasangan )?calon\b/, 0.15),
      f(/\bdan\/atau tindakan\b/, 0.1),
      f(/\bsebelum,? selama,? dan sesudah\b/, 0.05),
    ],
    penalties: [f(/\bpartai politik\b/, 0.1)],
    pp94: 0.1,
  },
  {
    code: 'DS-12',
    anchors: [f(KEPUTUSAN, 0.35)],
    support: [
      f(MENGUNTUNGKAN, 0.2),
      f(/\bpartai politik\b/, 0.15),
      f(/\bkeputusan\/tindakan\b/, 0.1),
      f(/\bdapat menguntungkan\b/, 0.05),
      f(/\bmasa kampanye\b/, 0.05),
    ],
    penalties: [f(/\bsalah satu pasangan calon\b/, 0.1)],
  },
  {
    code: 'PP94-5N-6',
    anchors: KEGIATAN_ANCHORS,
    support: [
      f(PERTEMUAN, 0.15),
      f(/\banggota keluarga\b/, 0.15),
      f(/\bunit kerjanya\b/, 0.1),
      f(/\batau pemberian barang\b/, 0.05),
      f(/\bterhadap (?:salah satu )?pasangan calon\b/, 0.05),
    ],
    penalties: [f(/\bpartai politik\b/, 0.1)],
    pp94: 0.1,
  },
  {
    code: 'DS-08',
    anchors: KEGIATAN_ANCHORS,
    support: [
      f(PERTEMUAN, 0.15),
      f(/\bpartai politik\b/, 0.15),
      f(/\bpeserta pemilu atau pemilihan\b/, 0.05),
      f(/\bunit kerja,? anggota,? dan masyarakat\b/, 0.1),
      f(/\bdan pemberian barang\b/, 0.05),
    ],
    penalties: [f(/\banggota keluarga\b/, 0.1)],
  },
  {
    code: 'PP94-5N-7',
    anchors: KTP_ANCHORS,
    support: [f(/\bfotokopi\b/, 0.1), f(/\bdisertai\b/, 0.15), f(/\bsurat keterangan tanda penduduk\b/, 0.15)],
    penalties: [f(/\bperseorangan\b|\bmengumpulkan\b/, 0.1)],
    pp94: 0.1,
  },
  {
    code: 'DS-11',
    anchors: KTP_ANCHORS,
    support: [
      f(/\bperseorangan\b|\bindependen\b/, 0.2),
      f(/\bmengumpulkan\b/, 0.1),
      f(/\bfotokopi\b/, 0.1),
      f(/\bsurat keterangan penduduk\b/, 0.1),
      f(/\bbakal calon\b/, 0.05),
    ],
    penalties: [f(/\bdisertai\b/, 0.05)],
  },
  {
    code: 'DS-05',
    anchors: [
      f(/\b(?:menjadi|sebagai) (?:anggota|pengurus)(?: dan\/atau (?:anggota|pengurus))? partai politik\b/, 0.6),
      f(/\banggota (?:dan\/atau )?pengurus partai\b/, 0.5),
      f(/\bkeanggotaan partai\b|\b(?:anggota|pengurus) (?:partai politik|parpol)\b/, 0.45),
    ],
  },
  {
    code: 'DS-09',
    anchors: TIM_ANCHORS,
    support: [f(/\bsebelum penetapan\b/, 0.2)],
    penalties: [FOTO_PENALTY, f(/\b(?:setelah|sesudah) penetapan\b/, 0.2)],
    stage: 'bakal',
  },
  {
    code: 'DS-10',
    anchors: TIM_ANCHORS,
    support: [f(/\b(?:setelah|sesudah) penetapan\b/, 0.2), f(/\bpartai politik\b/, 0.05)],
    penalties: [FOTO_PENALTY, f(/\bsebelum penetapan\b/, 0.2)],
    stage: 'calon',
  },
  {
    code: 'EX-06',
    anchors: [
      f(/\bpelaksana (?:dan\/atau tim )?kampanye\b|\bsebagai pelaksana\b|\bpelaksana\b[^.;]{0,30}?\bkampanye\b/, 0.5),
    ],
    support: [f(/\bpasal 280\b/, 0.1), f(/\bsebelum dan sesudah\b/, 0.1)],
  },
  { code: 'KE-01', anchors: APK_ANCHORS, penalties: [FOTO_PENALTY], stage: 'bakal' },
  { code: 'DS-01', anchors: APK_ANCHORS, penalties: [FOTO_PENALTY], stage: 'calon' },
  { code: 'KE-02', anchors: MEDSOS_ANCHORS, support: MEDSOS_SUPPORT, penalties: MEDSOS_PENALTIES, stage: 'bakal' },
  { code: 'DS-02', anchors: MEDSOS_ANCHORS, support: MEDSOS_SUPPORT, penalties: MEDSOS_PENALTIES, stage: 'calon' },
  {
    code: 'KE-03',
    anchors: HADIR_ANCHORS,
    support: [f(/\bmemberikan tindakan\b|\bdukungan\b/, 0.1), f(/\bsecara aktif\b/, 0.05)],
    stage: 'bakal',
  },
  {
    code: 'DS-04',
    anchors: HADIR_ANCHORS,
    support: [f(/\bmemberikan tindakan\b|\bdukungan\b/, 0.1), f(/\bkeberpihakan\b/, 0.05)],
    stage: 'calon',
  },
  {
    code: 'KE-04',
    anchors: AKUN_ANCHORS,
    support: [f(/\bbergabung\b/, 0.1)],
    penalties: [f(/\bfoto bersama\b/, 0.25)],
    stage: 'bakal',
  },
  {
    code: 'DS-06',
    anchors: AKUN_ANCHORS,
    support: [f(/\bbergabung\b/, 0.1)],
    penalties: [f(/\bfoto bersama\b/, 0.25)],
    stage: 'calon',
  },
  { code: 'KE-05', anchors: FOTO_ANCHORS, support: FOTO_SUPPORT, stage: 'bakal' },
  { code: 'DS-07', anchors: FOTO_ANCHORS, support: FOTO_SUPPORT, stage: 'calon' },
  {
    code: 'EX-07',
    anchors: [
      f(
        /\bsimbol tangan\b|\bgerakan tangan\b|\b(?:simbol|pose|gestur) jari\b|\bgestur\b|\bgerakan (?:yang )?(?:mengarah|menunjukkan) (?:kepada |pada )?keberpihakan\b/,
        0.5,
      ),
    ],
    support: [f(/\b(?:ber)?foto\b/, 0.15)],
  },
  {
    code: 'KE-07',
    anchors: [f(/\b(?:suami|istri)\b/, 0.35)],
    support: [f(CLTN, 0.2), f(/\b(?:deklarasi|kampanye)\b/, 0.15)],
  },
  {
    code: 'DS-03',
    anchors: [f(/\bpendekatan\b/, 0.35)],
    support: [
      f(/\b(?:partai politik|parpol)\b/, 0.1),
      f(/\b(?:masyarakat|independen|perseorangan)\b/, 0.1),
      f(CLTN, 0.2),
      f(/\bsebagai bakal calon\b/, 0.1),
    ],
  },
  {
    code: 'EX-08',
    anchors: [f(/\bpendekatan (?:ke|kepada|terhadap|dengan) (?:partai politik|parpol)\b/, 0.5)],
    support: [f(/\b(?:pengusulan|mengusulkan|pencalonan|mencalonkan)\b/, 0.15)],
    penalties: [f(CLTN, 0.1), f(/\bmasyarakat\b/, 0.05)],
  },
  {
    code: 'EX-01',
    anchors: [f(/\bnara ?sumber\b|\bpembicara\b/, 0.45)],
    support: [f(/\b(?:partai politik|parpol|politik)\b/, 0.15), f(/\bkecuali\b|\bsurat tugas\b/, 0.1)],
  },
  {
    code: 'EX-02',
    anchors: [f(/\b(?:mendeklarasikan|deklarasi) diri\b/, 0.5)],
    support: [f(/\bcalon\b/, 0.1), f(/\bcuti\b|\bcltn\b/, 0.1)],
  },
  {
    code: 'DS-13',
    anchors: [
      f(/\btidak termasuk dalam matriks\b|\bbentuk pelanggaran (?:lain|lainnya)\b|\bpelanggaran lainnya\b/, 0.5),
    ],
  },
];

const familyOf = new Map<string, string>(prohibitionTypes.map((t) => [t.code, t.family]));

const BAKAL_RE = /\bbakal (?:pasangan )?calon\b/g;
const CALON_RE = /\bcalon\b/;
const PP94_LEAD_RE = /\bdukungan kepada (?:pasangan )?calon\b[^:]{0,400}?\bdengan cara\b/;
const PP94_REF_RE = /\b(?:pp|peraturan pemerintah)\s*(?:nomor|no\.?)?\s*94\b|\bpasal 5 huruf n\b/;
const KODE_ETIK_RE = /\bkode etik\b/;
const DISIPLIN_RE = /\b(?:hukuman )?disiplin\b/;
const LEAD_IN_END_RE =
  /(?:dengan cara|sebagai berikut|antara lain|yaitu|yakni|hal-hal|di bawah ini|berikut|dilarang|larangan|untuk)\s*:?\s*$/;

interface Stage {
  bakal: boolean;
  calon: boolean;
}

function stageOf(folded: string): Stage {
  const bakal = BAKAL_RE.test(folded);
  BAKAL_RE.lastIndex = 0;
  const calon = CALON_RE.test(bakal ? folded.replace(BAKAL_RE, ' ') : folded);
  return { bakal, calon };
}

/** Whether a lead-in is PP 94/2021 Pasal 5 huruf n ("memberikan dukungan kepada calon … dengan cara:"). */
export function isPp94LeadIn(text: string): boolean {
  const folded = foldForMatch(text);
  return PP94_LEAD_RE.test(folded) || PP94_REF_RE.test(folded);
}

export interface CodeContext {
  /** Lead-in texts above the item (parent first, then grand-parent…), and for an item with sub-points their texts. */
  leadIns: readonly string[];
  /** A sibling item is a PP 94 Pasal 5 huruf n lead-in: the list follows that regulation. */
  siblingPp94: boolean;
  hasChildren: boolean;
}

/**
 * Suggests taxonomy codes for one prohibition item, best first.
 *
 * @example
 * suggestCodes('ikut kampanye;', { leadIns: ['Memberikan dukungan kepada calon Presiden … dengan cara:'], siblingPp94: false, hasChildren: false })[0]?.code
 * // 'PP94-5N-1'
 */
export function suggestCodes(text: string, ctx: CodeContext): CodeSuggestion[] {
  return suggestCodesFolded(foldForMatch(text), foldForMatch(ctx.leadIns.join(' \n ')), ctx);
}

/** `suggestCodes` on text already passed through `foldForMatch`, so callers can fold each lead-in once. */
export function suggestCodesFolded(
  own: string,
  foldedContext: string,
  ctx: Pick<CodeContext, 'siblingPp94' | 'hasChildren'>,
): CodeSuggestion[] {
  if (own.length === 0) return [];
  // A "… dengan cara:" item only introduces its children: the acts are theirs.
  if (ctx.hasChildren && LEAD_IN_END_RE.test(own.replace(/[.;]+$/, '').trim())) return [];
  const context = foldedContext;
  const ownStage = stageOf(own);
  const ctxStage = stageOf(context);
  const pp94 = PP94_LEAD_RE.test(context) || PP94_REF_RE.test(context);
  const kodeEtik = KODE_ETIK_RE.test(context);
  const disiplin = DISIPLIN_RE.test(context);

  const scored: { code: ProhibitionTypeCode; score: number; matched: string[] }[] = [];
  for (const rule of RULES) {
    let score = 0;
    const matched: string[] = [];
    for (const a of rule.anchors) {
      const m = a.re.exec(own);
      if (m) {
        score += a.w;
        matched.push(m[0]);
      }
    }
    if (score === 0) continue;
    for (const s of rule.support ?? []) {
      const m = s.re.exec(own);
      if (m) {
        score += s.w;
        if (!matched.includes(m[0])) matched.push(m[0]);
      }
    }
    for (const p of rule.penalties ?? []) if (p.re.test(own)) score -= p.w;
    if (rule.stage) score += stageAdjust(rule.stage, ownStage, ctxStage, kodeEtik, disiplin, matched);
    if (rule.pp94 !== undefined && (pp94 || ctx.siblingPp94)) {
      score += pp94 ? rule.pp94 : rule.pp94 / 3;
      if (pp94 && rule.pp94 > 0)
        matched.push(PP94_LEAD_RE.test(context) ? 'dukungan kepada calon … dengan cara' : 'pp 94');
    }
    scored.push({ code: rule.code, score: Math.min(1, Math.max(0, score)), matched });
  }

  const bestOfFamily = new Map<string, number>();
  for (const s of scored) {
    const fam = familyOf.get(s.code) ?? s.code;
    bestOfFamily.set(fam, Math.max(bestOfFamily.get(fam) ?? 0, s.score));
  }
  const out: CodeSuggestion[] = [];
  for (const s of scored) {
    const fam = familyOf.get(s.code) ?? s.code;
    const score = s.score < (bestOfFamily.get(fam) ?? 0) ? s.score * FAMILY_DAMPING : s.score;
    const rounded = Math.round(score * 100) / 100;
    if (rounded >= MIN_SCORE && (!ctx.hasChildren || rounded >= 0.6)) {
      out.push({ code: s.code, score: rounded, matched: s.matched });
    }
  }
  out.sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
  return out.slice(0, MAX_SUGGESTIONS);
}

function stageAdjust(
  stage: 'bakal' | 'calon',
  own: Stage,
  ctx: Stage,
  kodeEtik: boolean,
  disiplin: boolean,
  matched: string[],
): number {
  const wantBakal = stage === 'bakal';
  if (own.bakal !== own.calon) {
    if (own.bakal === wantBakal) {
      matched.push(wantBakal ? 'bakal calon' : 'calon');
      return 0.15;
    }
    return -0.3;
  }
  let adj = 0;
  if (ctx.bakal !== ctx.calon) adj += ctx.bakal === wantBakal ? 0.08 : -0.15;
  if (kodeEtik) adj += wantBakal ? 0.1 : -0.05;
  if (disiplin) adj += wantBakal ? -0.05 : 0.1;
  // With no hint at all, prefer the disiplin reading: it is the one with a sanction attached.
  if (adj === 0 && !wantBakal) adj = 0.02;
  return adj;
}
