/**
 * `cases.importColumns`, `cases.importPreview` and `cases.import`: cases from a spreadsheet.
 *
 * The client reads the file (CSV or XLSX) into rows of text and sends them as they are; the
 * server finds the header row, maps the columns (sheet.ts), and judges every row with the same
 * zod schema (`createCaseInput`) and the same checks (`checkNewCase`) as `cases.create`.
 *
 * - The preview writes nothing and a bad row blocks nothing: every row gets its own verdict.
 * - The import takes the row numbers to import (the valid ones of the preview), judges them
 *   again inside one transaction, and writes all of them or, if any fails, none. Each case gets
 *   its timeline entry and one audit event (`case.import`), as a case created by hand does.
 */
import { appendAudit } from '@netral/db/audit';
import { checkNewCase, createCase } from '@netral/db/queries/cases';
import { applyCaseDeltas, type CaseFacts } from '@netral/db/queries/rollups';
import type { DB } from '@netral/db/schema';
import { DomainError, type LocalizedText, ValidationError } from '@netral/domain/errors';
import { campaignPhaseLabels, checkPhaseHint, getContest, phaseOf, type Race } from '@netral/domain/phases';
import { getProhibitionType, isProhibitionCode } from '@netral/domain/taxonomy';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Locale } from '../../context';
import { appError, caseworkProcedure, regencyProcedure } from '../../trpc';
import { createCaseInput } from './schemas';
import {
  columnOfPath,
  findLayout,
  headerOf,
  importColumns,
  MAX_IMPORT_ROWS,
  mapSheet,
  type SheetLayout,
} from './sheet';

const msg = (id: string, en: string) => `${id} / ${en}`;

/** The sheet as rows of cell texts, header row included (and any lines above it). */
const sheetSchema = z
  .array(
    z
      .array(
        z
          .string({ error: msg('Isi sel harus berupa teks', 'Cell values must be text') })
          .max(10_000, { error: msg('Isi sel paling banyak 10000 karakter', 'A cell holds at most 10000 characters') }),
      )
      .max(80, { error: msg('Paling banyak 80 kolom', 'At most 80 columns') }),
    { error: msg('Lembar kerja harus berupa daftar baris', 'The sheet must be a list of rows') },
  )
  .min(2, { error: msg('Lembar kerja kosong', 'The sheet is empty') })
  .max(MAX_IMPORT_ROWS + 30, {
    error: msg(
      `Paling banyak ${MAX_IMPORT_ROWS} baris per impor; pecah berkasnya`,
      `At most ${MAX_IMPORT_ROWS} rows per import; split the file`,
    ),
  });

const fileNameSchema = z.string().trim().max(255).nullable().default(null);

const rowResultSchema = z.object({
  /** 1-based row of the sheet, as the spreadsheet shows it. */
  row: z.number(),
  ok: z.boolean(),
  errors: z.array(z.object({ column: z.string().nullable(), message: z.string() })),
  warnings: z.array(z.string()),
  subjectName: z.string(),
  actOn: z.string().nullable(),
  unitName: z.string().nullable(),
  contest: z.string().nullable(),
  phase: z.string().nullable(),
  codes: z.array(z.string()),
});

const previewOutput = z.object({
  headerRow: z.number(),
  columns: z.array(z.object({ header: z.string(), recognized: z.string().nullable() })),
  rows: z.array(rowResultSchema),
  valid: z.number(),
  invalid: z.number(),
});

interface RowError {
  column: string | null;
  text: LocalizedText;
}

interface Judged {
  row: number;
  errors: RowError[];
  warnings: LocalizedText[];
  /** The validated create input, when the schema accepted the row. */
  input: z.output<typeof createCaseInput> | null;
  subjectName: string;
  actOn: string | null;
  unitName: string | null;
  contest: string | null;
  phase: LocalizedText | null;
  codes: string[];
}

/** "id / en" zod messages as both texts. */
function bothTexts(message: string): LocalizedText {
  const at = message.indexOf(' / ');
  return at < 0 ? { id: message, en: message } : { id: message.slice(0, at), en: message.slice(at + 3) };
}

function sheetError(text: LocalizedText): never {
  throw appError(new ValidationError(text, [{ path: 'sheet', text }]));
}

function layoutOf(sheet: readonly (readonly string[])[]): SheetLayout {
  const layout = findLayout(sheet);
  if (!layout) {
    const headers = importColumns.map((c) => c.header).join(', ');
    sheetError({
      id: `Baris judul kolom tidak ditemukan. Kolom yang dikenali: ${headers}.`,
      en: `No header row found. Recognised columns: ${headers}.`,
    });
  }
  if (layout.missing.length > 0) {
    sheetError({
      id: `Kolom wajib tidak ada: ${layout.missing.join(', ')}.`,
      en: `Required columns missing: ${layout.missing.join(', ')}.`,
    });
  }
  return layout;
}

/** Domain errors thrown by queries become tRPC errors with their stable code and both texts. */
function rethrowDomain(error: unknown): never {
  if (error instanceof DomainError) throw appError(error);
  throw error;
}

/** Judges the rows of a sheet as `cases.create` would, writing nothing. */
async function judgeSheet(
  trx: Transaction<DB>,
  regencyId: string,
  sheet: readonly (readonly string[])[],
  rows?: readonly number[],
): Promise<{ layout: SheetLayout; judged: Judged[] }> {
  const layout = layoutOf(sheet);
  const units = await trx.selectFrom('units').select(['id', 'name']).where('regency_id', '=', regencyId).execute();
  const circulars = await trx
    .selectFrom('circulars')
    .select(['id', 'number', 'version', 'regency_id', 'issued_on'])
    .where('status', '=', 'published')
    .where((eb) =>
      eb.or([
        eb('regency_id', '=', regencyId),
        eb.and([eb('regency_id', 'is', null), eb('province_code', '=', regencyId.slice(0, 2))]),
      ]),
    )
    .execute();
  const mapped = mapSheet(
    sheet,
    layout,
    {
      regencyId,
      units,
      circulars: circulars.map((c) => ({
        id: c.id,
        number: c.number,
        version: c.version,
        regencyId: c.regency_id,
        issuedOn: c.issued_on,
      })),
    },
    rows,
  );
  if (mapped.length === 0) {
    sheetError({ id: 'Tidak ada baris data di bawah judul kolom.', en: 'No data rows below the header row.' });
  }
  if (mapped.length > MAX_IMPORT_ROWS) {
    sheetError({
      id: `Paling banyak ${MAX_IMPORT_ROWS} baris per impor (berkas ini ${mapped.length}); pecah berkasnya.`,
      en: `At most ${MAX_IMPORT_ROWS} rows per import (this file has ${mapped.length}); split the file.`,
    });
  }

  const judged: Judged[] = [];
  for (const m of mapped) {
    const errors: RowError[] = m.issues.map((issue) => ({
      column: headerOf(columnOfPath(issue.path)),
      text: issue.text,
    }));
    const warnings: LocalizedText[] = [];
    const subject = (m.input.subject ?? {}) as { name?: string };
    const result: Judged = {
      row: m.row,
      errors,
      warnings,
      input: null,
      subjectName: subject.name ?? '',
      actOn: typeof m.input.actOn === 'string' && m.input.actOn !== '' ? m.input.actOn : null,
      unitName: m.unitName,
      contest: typeof m.input.contest === 'string' && m.input.contest !== '' ? m.input.contest : null,
      phase: null,
      codes: [],
    };
    const parsed = createCaseInput.safeParse(m.input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join('.');
        // A mapping issue already explains this cell.
        if (m.issues.some((i) => i.path === path)) continue;
        errors.push({ column: headerOf(columnOfPath(path)), text: bothTexts(issue.message) });
      }
    } else {
      const input = parsed.data;
      const checked = await checkNewCase(trx, { ...input, regencyId });
      result.codes = checked.codes;
      for (const issue of checked.issues) {
        if (m.issues.some((i) => i.path === issue.path)) continue;
        errors.push({ column: headerOf(columnOfPath(issue.path)), text: issue.text });
      }
      try {
        const phase = phaseOf(getContest(input.contest), input.actOn, input.race ? { race: input.race as Race } : {});
        result.phase = campaignPhaseLabels[phase.phase];
        for (const code of checked.codes) {
          if (!isProhibitionCode(code)) continue;
          const hint = checkPhaseHint(getProhibitionType(code).phaseHint, phase.phase);
          if (hint) warnings.push({ id: `${code}: ${hint.id}`, en: `${code}: ${hint.en}` });
        }
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        errors.push({ column: headerOf(error.code === 'UNKNOWN_RACE' ? 'race' : 'contest'), text: error.text });
      }
      if (errors.length === 0) result.input = input;
    }
    judged.push(result);
  }
  return { layout, judged };
}

function toRowResult(j: Judged, locale: Locale): z.infer<typeof rowResultSchema> {
  return {
    row: j.row,
    ok: j.errors.length === 0,
    errors: j.errors.map((e) => ({ column: e.column, message: e.text[locale] })),
    warnings: j.warnings.map((w) => w[locale]),
    subjectName: j.subjectName,
    actOn: j.actOn,
    unitName: j.unitName,
    contest: j.contest,
    phase: j.phase?.[locale] ?? null,
    codes: j.codes,
  };
}

export const importProcedures = {
  /** The columns a sheet may have, for the template and the help text. */
  importColumns: caseworkProcedure
    .output(
      z.array(
        z.object({
          key: z.string(),
          header: z.string(),
          required: z.boolean(),
          aliases: z.array(z.string()),
          hint: z.object({ id: z.string(), en: z.string() }),
        }),
      ),
    )
    .query(() => importColumns.map((c) => ({ ...c, aliases: [...c.aliases] }))),

  /** Every row's verdict, nothing written. A mutation so that big sheets travel in a POST body. */
  importPreview: regencyProcedure
    .input(z.object({ sheet: sheetSchema, fileName: fileNameSchema }))
    .output(previewOutput)
    .mutation(async ({ ctx, input }) =>
      ctx
        .inRegency(async (trx) => {
          const { layout, judged } = await judgeSheet(trx, ctx.regencyId, input.sheet);
          const rows = judged.map((j) => toRowResult(j, ctx.locale));
          return {
            headerRow: layout.headerRow,
            columns: layout.columns.map((c) => ({ header: c.header, recognized: headerOf(c.key) })),
            rows,
            valid: rows.filter((r) => r.ok).length,
            invalid: rows.filter((r) => !r.ok).length,
          };
        })
        .catch(rethrowDomain),
    ),

  /**
   * Imports the given rows in one transaction: all of them, or none when any row fails
   * (BAD_REQUEST, field errors keyed `rows.<row>`).
   */
  import: regencyProcedure
    .input(
      z.object({
        sheet: sheetSchema,
        fileName: fileNameSchema,
        rows: z
          .array(z.int().positive(), { error: msg('Pilih baris yang diimpor', 'Choose the rows to import') })
          .min(1, { error: msg('Pilih baris yang diimpor', 'Choose the rows to import') })
          .max(MAX_IMPORT_ROWS),
      }),
    )
    .output(z.object({ imported: z.number(), ids: z.array(z.string()) }))
    .mutation(async ({ ctx, input }) =>
      ctx
        .inRegency(async (trx) => {
          const wanted = [...new Set(input.rows)].sort((a, b) => a - b);
          const { judged } = await judgeSheet(trx, ctx.regencyId, input.sheet, wanted);
          const issues: { path: string; text: LocalizedText }[] = [];
          const found = new Set(judged.map((j) => j.row));
          for (const row of wanted) {
            if (!found.has(row)) {
              issues.push({
                path: `rows.${row}`,
                text: { id: `Baris ${row} kosong atau tidak ada.`, en: `Row ${row} is empty or missing.` },
              });
            }
          }
          for (const j of judged) {
            for (const e of j.errors) {
              issues.push({
                path: `rows.${j.row}`,
                text: {
                  id: e.column ? `${e.column}: ${e.text.id}` : e.text.id,
                  en: e.column ? `${e.column}: ${e.text.en}` : e.text.en,
                },
              });
            }
          }
          if (issues.length > 0) {
            const rows = [...new Set(issues.map((i) => i.path.slice(5)))];
            throw appError(
              new ValidationError(
                {
                  id: `Tidak ada yang diimpor: ${rows.length} baris tidak valid (baris ${rows.join(', ')}).`,
                  en: `Nothing was imported: ${rows.length} rows are invalid (rows ${rows.join(', ')}).`,
                },
                issues,
              ),
            );
          }
          const ids: string[] = [];
          const facts: CaseFacts[] = [];
          for (const j of judged) {
            const caseInput = j.input as z.output<typeof createCaseInput>;
            const created = await createCase(
              trx,
              { ...caseInput, regencyId: ctx.regencyId },
              { id: ctx.user.id },
              { deferRollups: true },
            );
            const { id, after } = created;
            if (created.facts) facts.push(created.facts);
            await appendAudit(trx, {
              regencyId: ctx.regencyId,
              actorId: ctx.user.id,
              action: 'case.import',
              entity: 'case',
              entityId: id,
              before: null,
              // As for case.create, the reporter is not copied into the log.
              after: { ...after, importedFrom: { fileName: input.fileName, row: j.row } },
            });
            ids.push(id);
          }
          // The rollups of the whole import in one statement, in the same transaction.
          await applyCaseDeltas(
            trx,
            facts.map((f) => [null, f] as const),
          );
          return { imported: ids.length, ids };
        })
        .catch(rethrowDomain),
    ),
};
