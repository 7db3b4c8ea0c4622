/**
 * Everything a trainee can do on a call, as events. A run is the ordered list of these; replaying
 * it through the same scenario machine always gives the same call. Simulated time moves only
 * through these events, never through timers.
 */
import { z } from 'zod';

export const CALL_EVENT_TYPES = Object.freeze({
  answer: 'call.answer',
  choose: 'agent.choose',
  idv: 'agent.idv',
  checkBack: 'hold.checkBack',
  resume: 'hold.resume',
  proceed: 'agent.continue',
  ask: 'idv.ask',
  search: 'kb.search',
  open: 'kb.open',
  use: 'kb.use',
  route: 'agent.transfer',
  wrapUp: 'wrap.submit',
  silence: 'line.silence',
} as const);

export const CallEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('call.answer') }),
  z.strictObject({ type: z.literal('agent.choose'), index: z.number().int().min(0).max(8) }),
  z.strictObject({ type: z.literal('idv.ask'), key: z.string().min(1).max(40) }),
  z.strictObject({
    type: z.literal('agent.idv'),
    verdict: z.enum(['pass', 'fail']),
    /** How the trainee marked each answer they asked for: it matches the record, or it does not. */
    marks: z.record(z.string().min(1).max(40), z.enum(['match', 'mismatch'])),
  }),
  z.strictObject({ type: z.literal('kb.search'), query: z.string().trim().min(1).max(80) }),
  z.strictObject({ type: z.literal('kb.open'), article: z.string().min(1).max(60) }),
  z.strictObject({ type: z.literal('kb.use'), article: z.string().min(1).max(60) }),
  z.strictObject({
    type: z.literal('agent.transfer'),
    team: z.string().min(1).max(60),
    mode: z.enum(['warm', 'cold']),
    /** The handover summary chosen, by its index in the file; null for none (a cold transfer). */
    handover: z.number().int().min(0).max(5).nullable(),
  }),
  z.strictObject({ type: z.literal('hold.checkBack') }),
  z.strictObject({ type: z.literal('hold.resume') }),
  z.strictObject({ type: z.literal('agent.continue') }),
  /**
   * Live pace only: real seconds the line was silent beyond the grace period while the trainee
   * decided. They count as talk time nobody filled (dead air) and cost the caller's patience.
   */
  z.strictObject({ type: z.literal('line.silence'), seconds: z.number().int().min(1).max(300) }),
  z.strictObject({
    type: z.literal('wrap.submit'),
    disposition: z.string().max(60),
    notes: z.string().max(2000),
  }),
]);
export type CallEvent = z.infer<typeof CallEventSchema>;

/** The longest run accepted anywhere (a real call never comes near it). */
export const MAX_RUN_EVENTS = 400;

export const ScenarioHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a scenario hash is 64 hex digits');

/** The seed that orders what the trainee is shown (choices, dispositions, directory, search ties). */
export const RunSeedSchema = z.number().int().min(0).max(0xffffffff);

export const RunLogSchema = z.strictObject({
  scenarioId: z.string().min(1).max(60),
  scenarioHash: ScenarioHashSchema,
  seed: RunSeedSchema,
  events: z.array(CallEventSchema).max(MAX_RUN_EVENTS),
  /** "live": played at live pace (silence counted as dead air); absent: untimed, the default. */
  pace: z.literal('live').optional(),
});
export type RunLog = z.infer<typeof RunLogSchema>;

/**
 * A run read back from the trainee's own saved record: one stored before runs carried a seed gets
 * seed 0. The order it was shown in is lost, but the score never depended on it.
 */
export const StoredRunLogSchema = RunLogSchema.extend({ seed: RunSeedSchema.default(0) });
