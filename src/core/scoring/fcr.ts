/** First contact resolution for one call, with its reason: agent-level, and contact-level beside it. */
import type { Scorecard } from '../../shared/scorecard.ts';
import type { CallContext } from '../engine/call-context.ts';

/** Contact-level: was the customer's need met in this contact, counting a hand-over to the right team? */
export function contactResolution(context: CallContext): NonNullable<Scorecard['fcr']['contact']> {
  if (context.breaches.length > 0) return { value: 'no', reason: 'A compliance breach has to be put right in another contact.' };
  if (context.routeTeamRight === false) return { value: 'no', reason: 'The customer was passed to a team that does not handle this and will have to be passed on again.' };
  switch (context.outcome) {
    case 'resolved':
      return { value: 'yes', reason: 'The customer’s need was met on this contact.' };
    case 'transferred':
    case 'escalated':
      return context.routeTeamRight === true
        ? { value: 'yes', reason: 'The customer reached the team that can finish this within the same contact, so they do not have to call again.' }
        : { value: 'no', reason: 'The customer will need another contact.' };
    case 'refused':
      return { value: 'excluded', reason: 'Refusing was the right outcome, so the call is left out of the rate.' };
    default:
      return { value: 'no', reason: 'The customer will have to contact us again.' };
  }
}

/** Agent-level FCR (resolved by this agent on this call), with contact-level FCR beside it. */
export function firstContactResolution(context: CallContext): Scorecard['fcr'] {
  return { ...agentResolution(context), contact: contactResolution(context) };
}

function agentResolution(context: CallContext): { value: 'yes' | 'no' | 'excluded'; reason: string } {
  if (context.breaches.length > 0) {
    return { value: 'no', reason: 'A compliance breach means the call has to be put right in another contact.' };
  }
  if (context.routeTeamRight === false) {
    return { value: 'no', reason: 'The call went to a team that does not handle this, so the customer will be passed on again.' };
  }
  switch (context.outcome) {
    case 'resolved':
      return { value: 'yes', reason: 'The customer’s need was met on this call with nothing left for them to chase.' };
    case 'refused':
      return {
        value: 'excluded',
        reason: 'Refusing was the right outcome and the route was explained, so the call is left out of the FCR rate.',
      };
    case 'follow-up':
      return { value: 'no', reason: 'Another contact is needed. You own the follow-up, so the customer will not have to chase it.' };
    case 'escalated':
      return { value: 'no', reason: 'A team leader has to finish this, so it was not resolved at the first point of contact.' };
    case 'transferred':
      return { value: 'no', reason: 'Another team has to finish this. A warm transfer helps the customer, but it is not your resolution.' };
    case 'hung-up':
      return { value: 'no', reason: 'The customer hung up with their need unmet, so they will have to call again.' };
    case 'unresolved':
    case null:
      return { value: 'no', reason: 'The customer’s need was left unmet.' };
  }
}
