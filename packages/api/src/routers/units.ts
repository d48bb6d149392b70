/**
 * Work units (perangkat daerah / OPD) of a regency. Everyone working in the regency reads them;
 * its admins (and national admins) create, rename, move and retire them. A unit is retired,
 * never deleted: cases keep pointing at it.
 */
import { appendAudit } from '@netral/db/audit';
import { applyUnitKindChange } from '@netral/db/queries/rollups';
import {
  createUnit,
  deleteUnit,
  getUnit,
  listUnits,
  type UnitChanges,
  type UnitRecord,
  unitAncestry,
  unitCaseCounts,
  unitReferences,
  updateUnit,
} from '@netral/db/queries/units';
import type { DB } from '@netral/db/schema';
import { ConflictError, DomainError, ValidationError } from '@netral/domain/errors';
import { idSchema, unitKindSchema, unitSchema, versionSchema } from '@netral/domain/model';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { appError, regencyProcedure, router } from '../trpc';

const unitOutputSchema = z.object({
  id: z.string(),
  regencyId: z.string(),
  name: z.string(),
  kind: unitKindSchema,
  parentId: z.string().nullable(),
  retiredAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UnitOutput = z.infer<typeof unitOutputSchema>;

/** A unit in the list, with the number of cases that name it (what decides retire versus delete). */
const unitListItemSchema = unitOutputSchema.extend({ caseCount: z.number().int() });

function toOutput(unit: UnitRecord): UnitOutput {
  return {
    ...unit,
    retiredAt: unit.retiredAt?.toISOString() ?? null,
    createdAt: unit.createdAt.toISOString(),
    updatedAt: unit.updatedAt.toISOString(),
  };
}

const unitIdSchema = idSchema.pipe(z.uuid({ error: 'ID unit kerja tidak valid / Invalid unit id' }));

const notFound = new DomainError('NOT_FOUND', { id: 'Unit kerja tidak ditemukan.', en: 'Unit not found.' });

const inUse = {
  cases: new DomainError('CONFLICT', {
    id: 'Unit kerja ini dirujuk oleh kasus sehingga tidak dapat dihapus. Nonaktifkan unit ini sebagai gantinya.',
    en: 'Cases refer to this unit, so it cannot be deleted. Retire it instead.',
  }),
  children: new DomainError('CONFLICT', {
    id: 'Unit kerja ini masih memiliki sub-unit. Pindahkan atau hapus sub-unitnya terlebih dahulu.',
    en: 'This unit still has sub-units. Move or delete them first.',
  }),
};

/** Writing units is for regency admins (and national admins); officers only read them. */
const unitAdminProcedure = regencyProcedure.use(({ ctx, next }) => {
  if (!ctx.roles.includes('regency_admin') && !ctx.roles.includes('national_admin')) {
    throw appError(
      new DomainError('FORBIDDEN', {
        id: 'Hanya admin kabupaten/kota yang dapat mengubah unit kerja.',
        en: 'Only regency administrators can change units.',
      }),
    );
  }
  return next();
});

function parentIssue(id: string, en: string) {
  return appError(new ValidationError({ id, en }, [{ path: 'parentId', text: { id, en } }]));
}

/** The parent must be a live unit of the same regency, and not the unit itself or below it. */
async function checkParent(trx: Transaction<DB>, regencyId: string, parentId: string, unitId?: string): Promise<void> {
  const parent = await getUnit(trx, regencyId, parentId);
  if (!parent)
    throw parentIssue('Unit induk tidak ditemukan di kabupaten/kota ini.', 'Parent unit not found in this regency.');
  if (parent.retiredAt !== null) throw parentIssue('Unit induk sudah tidak aktif.', 'The parent unit is retired.');
  if (unitId !== undefined && (await unitAncestry(trx, regencyId, parentId)).includes(unitId)) {
    throw parentIssue(
      'Unit induk tidak boleh unit ini sendiri atau salah satu sub-unitnya.',
      'The parent cannot be the unit itself or one of its sub-units.',
    );
  }
}

/** Updates a unit at `version` and writes the audit event; NOT_FOUND or CONFLICT otherwise. */
async function changeUnit(
  trx: Transaction<DB>,
  args: { regencyId: string; id: string; version: number; actorId: string; action: string; now: Date },
  changes: UnitChanges,
): Promise<UnitRecord> {
  const before = await getUnit(trx, args.regencyId, args.id);
  if (!before) throw appError(notFound);
  if (changes.parentId != null) await checkParent(trx, args.regencyId, changes.parentId, args.id);
  const after = await updateUnit(trx, args.regencyId, args.id, args.version, changes, args.now);
  if (!after) throw appError(new ConflictError());
  // Cases count under their unit's kind in the rollups; move them along in the same transaction.
  if (after.kind !== before.kind) await applyUnitKindChange(trx, { unitId: args.id, fromKind: before.kind });
  await appendAudit(trx, {
    regencyId: args.regencyId,
    actorId: args.actorId,
    action: args.action,
    entity: 'unit',
    entityId: args.id,
    before,
    after,
  });
  return after;
}

export const unitsRouter = router({
  /** Units of the regency by name; retired ones too with `includeRetired`. */
  list: regencyProcedure
    .input(z.object({ includeRetired: z.boolean().default(false) }))
    .output(z.array(unitListItemSchema))
    .query(async ({ ctx, input }) => {
      const [units, counts] = await ctx.inRegency(async (trx) => [
        await listUnits(trx, ctx.regencyId, { includeRetired: input.includeRetired }),
        await unitCaseCounts(trx, ctx.regencyId),
      ]);
      return units.map((u) => ({ ...toOutput(u), caseCount: counts.get(u.id) ?? 0 }));
    }),

  create: unitAdminProcedure
    .input(
      z.object({
        name: unitSchema.shape.name,
        kind: unitKindSchema,
        parentId: unitIdSchema.nullable().default(null),
      }),
    )
    .output(unitOutputSchema)
    .mutation(async ({ ctx, input }) => {
      const unit = await ctx.inRegency(async (trx) => {
        if (input.parentId !== null) await checkParent(trx, ctx.regencyId, input.parentId);
        const created = await createUnit(trx, {
          regencyId: ctx.regencyId,
          name: input.name,
          kind: input.kind,
          parentId: input.parentId,
        });
        await appendAudit(trx, {
          regencyId: ctx.regencyId,
          actorId: ctx.user.id,
          action: 'unit.create',
          entity: 'unit',
          entityId: created.id,
          after: created,
        });
        return created;
      });
      return toOutput(unit);
    }),

  /** Renames, re-kinds or moves a unit (`parentId: null` makes it top-level). */
  update: unitAdminProcedure
    .input(
      z.object({
        id: unitIdSchema,
        version: versionSchema,
        name: unitSchema.shape.name.optional(),
        kind: unitKindSchema.optional(),
        parentId: unitIdSchema.nullable().optional(),
      }),
    )
    .output(unitOutputSchema)
    .mutation(async ({ ctx, input }) => {
      const unit = await ctx.inRegency((trx) =>
        changeUnit(
          trx,
          { ...input, regencyId: ctx.regencyId, actorId: ctx.user.id, action: 'unit.update', now: ctx.now() },
          {
            ...(input.name !== undefined && { name: input.name }),
            ...(input.kind !== undefined && { kind: input.kind }),
            ...(input.parentId !== undefined && { parentId: input.parentId }),
          },
        ),
      );
      return toOutput(unit);
    }),

  /** Retires a unit (it stays for the cases that name it, but is no longer offered), or with `retired: false` restores it. */
  retire: unitAdminProcedure
    .input(z.object({ id: unitIdSchema, version: versionSchema, retired: z.boolean().default(true) }))
    .output(unitOutputSchema)
    .mutation(async ({ ctx, input }) => {
      const now = ctx.now();
      const unit = await ctx.inRegency((trx) =>
        changeUnit(
          trx,
          {
            ...input,
            regencyId: ctx.regencyId,
            actorId: ctx.user.id,
            action: input.retired ? 'unit.retire' : 'unit.restore',
            now,
          },
          { retiredAt: input.retired ? now : null },
        ),
      );
      return toOutput(unit);
    }),

  /**
   * Deletes a unit entered by mistake. A unit that cases name, or that has sub-units, is refused
   * with CONFLICT and a message saying to retire it (or move its sub-units) instead.
   */
  remove: unitAdminProcedure
    .input(z.object({ id: unitIdSchema, version: versionSchema }))
    .output(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      await ctx.inRegency(async (trx) => {
        const before = await getUnit(trx, ctx.regencyId, input.id);
        if (!before) throw appError(notFound);
        if (before.version !== input.version) throw appError(new ConflictError());
        const refs = await unitReferences(trx, ctx.regencyId, input.id);
        if (refs.hasCases) throw appError(inUse.cases);
        if (refs.children > 0) throw appError(inUse.children);
        if (!(await deleteUnit(trx, ctx.regencyId, input.id, input.version))) throw appError(new ConflictError());
        await appendAudit(trx, {
          regencyId: ctx.regencyId,
          actorId: ctx.user.id,
          action: 'unit.delete',
          entity: 'unit',
          entityId: input.id,
          before,
          after: null,
        });
      });
      return { id: input.id };
    }),
});
