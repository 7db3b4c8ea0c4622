/** Port: the trainee's best result per scenario (for the scenario cards), and where it is kept. */
import { z } from 'zod';
import type { Scorecard } from '../../shared/scorecard.ts';

export const BestResultSchema = z.object({
  qa: z.number(),
  csat: z.number(),
  aht: z.number(),
  fatal: z.boolean(),
  plays: z.number().int(),
});
export type BestResult = z.infer<typeof BestResultSchema>;

export interface BestResultsStore {
  /** Best result by scenario id. */
  load(): Record<string, BestResult>;
  record(card: Scorecard): BestResult;
}
