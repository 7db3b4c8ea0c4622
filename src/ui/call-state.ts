/** The words for where the call is: the softphone's state line and the title of the task panel. */
import type { CallPhase, CallView } from '../core/engine/call-view.ts';

export function callStateText(view: CallView): string {
  switch (view.phase) {
    case 'ringing': return '☎ Ringing…';
    case 'hold': return '♪ On hold';
    case 'wrapup': return view.wrapup?.outcome === 'hung-up' ? 'The customer hung up' : 'Call ended';
    case 'done': return 'Call over';
    case 'transfer': return '● Connected · transferring';
    case 'escalate': return '● Connected · escalating';
    default: return '● Connected';
  }
}

const TASKS: Readonly<Record<CallPhase, string>> = {
  ringing: 'Incoming call',
  talk: 'What you say',
  idv: 'Security check',
  hold: 'Customer on hold',
  lookup: 'Knowledge base',
  transfer: 'Transfer',
  escalate: 'Escalation',
  callback: 'Callback',
  wrapup: 'Wrap-up',
  done: 'Call over',
};

export function taskTitle(phase: CallPhase): string {
  return TASKS[phase];
}
