/**
 * Each accepted event of a run, told as a step of the call: what the agent did, what the customer
 * said next, and what changed (mood, patience, QA marks, breaches). The transcript and the key
 * moments are both read from these steps.
 */
import type { CallEvent } from '../../shared/call-events.ts';
import type { QaMark } from '../../shared/scorecard.ts';
import type { Scenario } from '../model/scenario-schema.ts';
import { BREACHES, type BreachCode } from '../model/breaches.ts';
import type { CallContext } from '../engine/call-context.ts';
import { callTime } from '../engine/call-context.ts';
import { CALL_STATES } from '../engine/call-setup.ts';
import type { CallSnapshot } from '../engine/replay.ts';
import { HANG_UP_LINE } from '../engine/hang-up.ts';
import { AUTO_QA_ITEMS } from './qa-items.ts';

export interface CallStep {
  readonly index: number;
  /** Simulated seconds into the call when the step began and ended. */
  readonly startedAt: number;
  readonly endedAt: number;
  readonly agent: string;
  /** The same, said to the trainee: "You passed the caller on ID&V". */
  readonly you: string;
  readonly trap: string | null;
  readonly why: string | null;
  readonly customerAfter: string | null;
  /** Who says `customerAfter`: the customer, or the colleague on a transfer or escalation. */
  readonly speakerAfter: string;
  readonly narrationAfter: string | null;
  readonly hungUp: boolean;
  readonly mood: number;
  readonly patience: number;
  readonly marks: readonly { readonly id: string; readonly text: string; readonly mark: QaMark; readonly critical: boolean }[];
  readonly breaches: readonly BreachCode[];
}

function itemText(scenario: Scenario, id: string): { text: string; critical: boolean } {
  const item = scenario.qa.items.find((i) => i.id === id) ?? Object.values(AUTO_QA_ITEMS).find((i) => i.id === id);
  return { text: item?.text ?? id, critical: item !== undefined && 'critical' in item && item.critical === true };
}

/** A choice quoted in a sentence: its first words when it is long. */
function quote(say: string, max = 90): string {
  if (say.length <= max) return say;
  const cut = say.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40)).replace(/[,.;:!?]$/, '')}…`;
}

type Action = { agent: string; you: string; trap: string | null; why: string | null };

function act(agent: string, you: string, trap: string | null = null, why: string | null = null): Action {
  return { agent, you, trap, why };
}

function agentAction(scenario: Scenario, nodeId: string, event: CallEvent, after: CallContext): Action {
  const node = scenario.nodes[nodeId];
  switch (event.type) {
    case 'call.answer':
      return act('(answers the call)', 'You answered the call');
    case 'agent.choose': {
      const choice = node !== undefined && (node.type ?? 'talk') === 'talk' && 'choices' in node ? node.choices[event.index] : undefined;
      const say = choice?.say ?? `(choice ${event.index + 1})`;
      return act(say, `You said “${quote(say)}”`, choice?.trap ?? null, choice?.why ?? null);
    }
    case 'agent.idv': {
      const right = after.idvVerdictRight !== false;
      const verdict = event.verdict === 'pass' ? 'passed' : 'failed';
      return act(
        `(${verdict} the caller on ID&V)`,
        `You ${verdict} the caller on ID&V`,
        right ? null : "The caller's answers did not support that verdict: compare each answer with the record before you decide.",
        right ? "The verdict matches the caller's answers against the record." : null,
      );
    }
    case 'hold.checkBack':
      return act('(checks back with the customer on hold)', 'You checked back with the customer on hold');
    case 'hold.resume':
      return act(
        '(takes the customer off hold)',
        'You took the customer off hold',
        null,
        node !== undefined && 'why' in node ? (node.why ?? null) : null,
      );
    case 'agent.continue': {
      const why = node !== undefined && 'why' in node ? (node.why ?? null) : null;
      switch (node?.type) {
        case 'lookup':
          return act(`(looks up "${node.article.title}")`, `You looked up "${node.article.title}"`, null, why);
        case 'transfer':
          return act(`(${node.mode} transfer to ${node.to})`, `You made a ${node.mode} transfer to ${node.to}`, null, why);
        case 'escalate':
          return act(`(escalates to ${node.to})`, `You escalated to ${node.to}`, null, why);
        case 'callback':
          return act(`(books a callback: ${node.who}, ${node.when})`, `You booked a callback (${node.who}, ${node.when})`, null, why);
        default:
          return act('(continues)', 'You moved on', null, why);
      }
    }
    case 'wrap.submit':
      return act(
        `(wrap-up: disposition "${event.disposition}"${event.notes.trim() === '' ? ', no notes' : ''})`,
        `In wrap-up you chose "${event.disposition}"${event.notes.trim() === '' ? ' and wrote no notes' : ''}`,
      );
  }
}

export function callSteps(
  scenario: Scenario,
  initial: CallSnapshot,
  events: readonly CallEvent[],
  snapshots: readonly CallSnapshot[],
): CallStep[] {
  const steps: CallStep[] = [];
  let before = initial;
  events.forEach((event, index) => {
    const after = snapshots[index]!;
    const a: CallContext = before.context;
    const b: CallContext = after.context;
    const stateAfter = String(after.value);
    const hungUp = stateAfter === CALL_STATES.hungUp && String(before.value) !== CALL_STATES.hungUp;
    const moved = stateAfter !== String(before.value);
    const nodeAfter = scenario.nodes[stateAfter];
    const marks = Object.entries(b.qa)
      .filter(([id, mark]) => a.qa[id] !== mark)
      .map(([id, mark]) => ({ id, mark, ...itemText(scenario, id) }));
    const known = new Set(a.breaches.map((x) => x.code));
    steps.push({
      index,
      startedAt: callTime(a),
      endedAt: callTime(b),
      ...agentAction(scenario, String(before.value), event, b),
      speakerAfter: !hungUp && (nodeAfter?.type === 'transfer' || nodeAfter?.type === 'escalate') ? nodeAfter.to : scenario.customer.name,
      customerAfter: hungUp ? (scenario.customer.hangUpLine ?? HANG_UP_LINE) : moved ? (nodeAfter?.customer ?? null) : null,
      narrationAfter: moved && !hungUp ? (nodeAfter?.narration ?? null) : null,
      hungUp,
      mood: b.mood - a.mood,
      patience: b.patience - a.patience,
      marks,
      breaches: b.breaches.filter((x) => !known.has(x.code)).map((x) => x.code),
    });
    before = after;
  });
  return steps;
}

/** Short labels for what a step changed, e.g. "mood +1", "QA missed: Apologises". */
export function stepEffects(step: CallStep): string[] {
  const effects: string[] = [];
  if (step.mood !== 0) effects.push(`mood ${step.mood > 0 ? '+' : ''}${step.mood}`);
  if (step.patience !== 0) effects.push(`patience ${step.patience > 0 ? '+' : ''}${step.patience}`);
  for (const m of step.marks) effects.push(`QA ${m.mark}${m.critical && m.mark === 'missed' ? ' (critical)' : ''}: ${m.text}`);
  for (const code of step.breaches) effects.push(`FATAL: ${BREACHES[code].text}`);
  if (step.hungUp) effects.push('the customer hung up');
  return effects;
}
