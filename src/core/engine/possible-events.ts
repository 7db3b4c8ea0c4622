/**
 * Every action open to the trainee at a moment of the call, as events the machine will accept.
 * Path analysis and random walks explore calls with these; wrap-up is offered once per
 * disposition, with the notes given.
 */
import type { CallEvent } from '../../shared/call-events.ts';
import type { CallView } from './call-view.ts';

export function possibleEvents(view: CallView, notes = ''): CallEvent[] {
  switch (view.phase) {
    case 'ringing':
      return [{ type: 'call.answer' }];
    case 'talk':
      return view.choices.map((choice) => ({ type: 'agent.choose', index: choice.index }));
    case 'idv':
      return [
        { type: 'agent.idv', verdict: 'pass' },
        { type: 'agent.idv', verdict: 'fail' },
      ];
    case 'hold':
      return view.hold !== null && view.hold.nextCheckBackCovers > 0
        ? [{ type: 'hold.checkBack' }, { type: 'hold.resume' }]
        : [{ type: 'hold.resume' }];
    case 'lookup':
    case 'transfer':
    case 'escalate':
    case 'callback':
      return [{ type: 'agent.continue' }];
    case 'wrapup':
      return (view.wrapup?.dispositions ?? []).map((d) => ({ type: 'wrap.submit', disposition: d.code, notes }));
    case 'done':
      return [];
  }
}
