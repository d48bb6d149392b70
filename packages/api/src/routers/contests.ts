/**
 * Election contests (Pemilu 2024, Pilkada 2024…) as shipped in `@netral/domain/phases`, and the
 * campaign phase of an incident date, which the case form shows as the date is typed.
 */
import { isoDateSchema } from '@netral/domain/calendar';
import { DomainError } from '@netral/domain/errors';
import {
  campaignPhaseLabels,
  campaignPhaseSchema,
  contestCodeSchema,
  contestsNewestFirst,
  electionContestSchema,
  getContest,
  phaseBucketLabels,
  phaseBucketSchema,
  phaseOf,
  raceSchema,
} from '@netral/domain/phases';
import { z } from 'zod';
import { appError, authedProcedure, router } from '../trpc';

const localizedSchema = z.object({ id: z.string(), en: z.string() });

const phaseOutputSchema = z.object({
  phase: campaignPhaseSchema,
  bucket: phaseBucketSchema,
  daysFromCampaignStart: z.number(),
  penetapanDate: z.string(),
  phaseLabel: localizedSchema,
  bucketLabel: localizedSchema,
});

/** Runs a domain function, turning its DomainError into the API's error. */
function domain<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof DomainError) throw appError(error);
    throw error;
  }
}

export const contestsRouter = router({
  /** Every contest, newest campaign first. */
  list: authedProcedure.output(z.array(electionContestSchema)).query(() => [...contestsNewestFirst]),

  /** One contest by code (`PILKADA_2024`). */
  get: authedProcedure
    .input(z.object({ code: contestCodeSchema }))
    .output(electionContestSchema)
    .query(({ input }) => domain(() => getContest(input.code))),

  /**
   * The campaign phase of an incident date, with labels in both languages.
   *
   * @example contests.phaseOf({ contest: 'PILKADA_2024', date: '2024-09-23' }) // ANTARA_PENETAPAN_DAN_KAMPANYE, before
   */
  phaseOf: authedProcedure
    .input(z.object({ contest: contestCodeSchema, date: isoDateSchema, race: raceSchema.optional() }))
    .output(phaseOutputSchema)
    .query(({ input }) =>
      domain(() => {
        const result = phaseOf(
          getContest(input.contest),
          input.date,
          input.race !== undefined ? { race: input.race } : {},
        );
        return {
          ...result,
          phaseLabel: campaignPhaseLabels[result.phase],
          bucketLabel: phaseBucketLabels[result.bucket],
        };
      }),
    ),
});
