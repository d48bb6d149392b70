/**
 * `provisions.*`: the provisions of one circular. Reading follows the circular (caseworkers and
 * analysts of its regency); correcting a provision's kind and codes is drafting work, allowed to
 * officers and administrators, and only while the circular is a draft.
 */
import { appendAudit } from '@netral/db/audit';
import { getCircular, updateProvision } from '@netral/db/queries/circulars';
import { provisionKindSchema, provisionPathSchema, regencyCodeSchema, versionSchema } from '@netral/domain/model';
import { prohibitionCodeSchema } from '@netral/domain/taxonomy';
import { z } from 'zod';
import { authedProcedure, regencyProcedure, router } from '../trpc';
import { circularNotFound, domainCall, inReadScope } from './circulars/access';
import { circularIdSchema, provisionRecordSchema } from './circulars/schemas';

const msg = (id: string, en: string) => `${id} / ${en}`;

export const provisionsRouter = router({
  list: authedProcedure
    .input(z.object({ regencyId: regencyCodeSchema, circularId: circularIdSchema }))
    .output(z.array(provisionRecordSchema))
    .query(async ({ ctx, input }) => {
      const circular = await inReadScope(ctx, [input.regencyId], (trx) =>
        getCircular(trx, input.circularId, { regencyId: input.regencyId }),
      );
      if (!circular) throw circularNotFound();
      return circular.provisions;
    }),

  /** Confirms or corrects the kind and codes of one provision of a draft; `version` is the circular's. */
  update: regencyProcedure
    .input(
      z.object({
        circularId: circularIdSchema,
        version: versionSchema,
        path: provisionPathSchema,
        kind: provisionKindSchema.optional(),
        codes: z
          .array(prohibitionCodeSchema, { error: msg('Kode larangan harus berupa daftar', 'Codes must be a list') })
          .max(20, { error: msg('Paling banyak 20 kode', 'At most 20 codes') })
          .optional(),
      }),
    )
    .output(z.object({ provision: provisionRecordSchema, circularVersion: z.number().int() }))
    .mutation(({ ctx, input }) =>
      domainCall(() =>
        ctx.inRegency(async (trx) => {
          const { before, after, circularVersion } = await updateProvision(trx, {
            circularId: input.circularId,
            regencyId: ctx.regencyId,
            version: input.version,
            path: input.path,
            changes: {
              ...(input.kind !== undefined && { kind: input.kind }),
              ...(input.codes !== undefined && { codes: input.codes }),
            },
          });
          await appendAudit(trx, {
            regencyId: ctx.regencyId,
            actorId: ctx.user.id,
            action: 'provision.update',
            entity: 'provision',
            entityId: `${input.circularId}:${input.path}`,
            before: { path: before.path, kind: before.kind, codes: before.codes },
            after: { path: after.path, kind: after.kind, codes: after.codes, circularVersion },
          });
          return { provision: after, circularVersion };
        }),
      ),
    ),
});
