/** A trainee's rating of their own call, given before the scorecard is shown. */
import { z } from 'zod';
import { AREA_KEYS, type AreaKey } from './areas.ts';

export const RatingValueSchema = z.number().int().min(1, 'ratings run from 1 to 5').max(5, 'ratings run from 1 to 5');

export const SelfRatingSchema = z.strictObject({
  ratings: z.strictObject(
    Object.fromEntries(AREA_KEYS.map((k) => [k, RatingValueSchema])) as Record<AreaKey, typeof RatingValueSchema>,
  ),
  wentWell: z.string().max(2000),
  toImprove: z.string().max(2000),
  /** ISO time the rating was given. */
  at: z.iso.datetime(),
});
export type SelfRating = z.infer<typeof SelfRatingSchema>;
