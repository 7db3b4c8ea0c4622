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
  wrapUp: 'wrap.submit',
} as const);

export const CallEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('call.answer') }),
  z.strictObject({ type: z.literal('agent.choose'), index: z.number().int().min(0).max(8) }),
  z.strictObject({ type: z.literal('agent.idv'), verdict: z.enum(['pass', 'fail']) }),
  z.strictObject({ type: z.literal('hold.checkBack') }),
  z.strictObject({ type: z.literal('hold.resume') }),
  z.strictObject({ type: z.literal('agent.continue') }),
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

export const RunLogSchema = z.strictObject({
  scenarioId: z.string().min(1).max(60),
  scenarioHash: ScenarioHashSchema,
  events: z.array(CallEventSchema).max(MAX_RUN_EVENTS),
});
export type RunLog = z.infer<typeof RunLogSchema>;
