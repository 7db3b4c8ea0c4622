/**
 * Each accepted event of a run, told as a step of the call: what the agent did, what the customer
 * said next, and what changed (mood, patience, QA marks, breaches). The transcript and the key
 * moments are both read from these steps.
 */
import type { CallEvent } from '../../shared/call-events.ts';
import type { QaMark } from '../../shared/scorecard.ts';
import type { Scenario } from '../model/scenario-schema.ts';
import type { CallDefinition } from '../engine/call-definition.ts';
import { BREACHES, type BreachCode } from '../model/breaches.ts';
import type { CallContext } from '../engine/call-context.ts';
import { callTime } from '../engine/call-context.ts';
import { CALL_STATES } from '../engine/call-setup.ts';
import type { RunnerState } from '../engine/call-runner.ts';
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

function fieldLabel(scenario: Scenario, key: string): string {
  return scenario.crm.fields.find((f) => f.key === key)?.label.toLowerCase() ?? key;
}

function listWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function idvAction(scenario: Scenario, event: Extract<CallEvent, { type: 'agent.idv' }>, after: CallContext): Action {
  const verdict = event.verdict === 'pass' ? 'passed' : 'failed';
  const last = after.idvLast;
  const right = last?.right ?? true;
  const misread = (last?.misread ?? []).map((key) => {
    return event.marks[key] === 'match'
      ? `the ${fieldLabel(scenario, key)} (you marked it as matching the record, but it did not)`
      : `the ${fieldLabel(scenario, key)} (you marked it as not matching, but it did match)`;
  });
  const unasked = (last?.unasked ?? []).map((key) => fieldLabel(scenario, key));
  const problems: string[] = [];
  if (misread.length > 0) problems.push(`You misread ${listWords(misread)}.`);
  if (unasked.length > 0 && event.verdict === 'pass') problems.push(`You did not ask for the ${listWords(unasked)}, which the policy requires before a pass.`);
  const trap = right
    ? misread.length > 0
      ? `${problems.join(' ')} The verdict happened to be right, but compare every answer with the record.`
      : null
    : `${problems.join(' ')} ${event.verdict === 'pass' ? 'The caller had not passed security: nothing on the account may be discussed.' : 'Every answer matched the record, so a genuine customer was turned away.'}`.trim();
  return act(
    `(${verdict} the caller on ID&V)`,
    `You ${verdict} the caller on ID&V`,
    trap,
    right && misread.length === 0 ? "The verdict matches the caller's answers against the record." : null,
  );
}

function agentAction(def: CallDefinition, nodeId: string, event: CallEvent, after: CallContext): Action {
  const { scenario } = def;
  const node = scenario.nodes[nodeId];
  const why = node !== undefined && 'why' in node ? (node.why ?? null) : null;
  switch (event.type) {
    case 'call.answer':
      return act('(answers the call)', 'You answered the call');
    case 'agent.choose': {
      const choice = node !== undefined && (node.type ?? 'talk') === 'talk' && 'choices' in node ? node.choices[event.index] : undefined;
      const say = choice?.say ?? `(choice ${event.index + 1})`;
      return act(say, `You said “${quote(say)}”`, choice?.trap ?? null, choice?.why ?? null);
    }
    case 'idv.ask': {
      const label = fieldLabel(scenario, event.key);
      return act(`(asks for the ${label})`, `You asked for the ${label}`);
    }
    case 'agent.idv':
      return idvAction(scenario, event, after);
    case 'hold.checkBack':
      return act('(checks back with the customer on hold)', 'You checked back with the customer on hold');
    case 'hold.resume':
      return act('(takes the customer off hold)', 'You took the customer off hold', null, why);
    case 'kb.search':
      return act(`(searches the knowledge base for "${event.query}")`, `You searched the knowledge base for "${event.query}"`);
    case 'kb.open': {
      const title = def.articles.find((a) => a.id === event.article)?.title ?? event.article;
      return act(`(reads "${title}")`, `You read "${title}"`);
    }
    case 'kb.use': {
      const title = def.articles.find((a) => a.id === event.article)?.title ?? event.article;
      const right = node?.type === 'lookup' && node.right.includes(event.article);
      const wrongWhy = node?.type === 'lookup' ? (node.wrong?.trap ?? null) : null;
      return act(
        `(answers from "${title}")`,
        `You answered from the article "${title}"`,
        right ? null : (wrongWhy ?? 'That article does not answer this customer’s question: check the product, the date and the situation it covers.'),
        right ? why : null,
      );
    }
    case 'agent.transfer': {
      const team = def.teams.find((t) => t.id === event.team)?.name ?? event.team;
      const routeNode = node?.type === 'transfer' || node?.type === 'escalate' ? node : undefined;
      const verb = routeNode?.type === 'escalate' ? 'escalated' : 'transferred';
      const handover = event.handover === null ? undefined : routeNode?.handover?.[event.handover];
      const problems: string[] = [];
      if (routeNode !== undefined && !routeNode.to.includes(event.team)) {
        const rightNames = routeNode.to.map((id) => def.teams.find((t) => t.id === id)?.name ?? id);
        problems.push(routeNode.wrong?.trap ?? `${team} does not handle this: it was one for ${listWords(rightNames)}. The customer will be passed on again.`);
      }
      if (routeNode !== undefined && (routeNode.mode ?? 'warm') === 'warm' && event.mode === 'cold') {
        problems.push('A cold transfer makes the customer explain everything again: brief the colleague first.');
      } else if (routeNode?.handover !== undefined && handover !== undefined && handover.right !== true) {
        problems.push('Your handover left out what the colleague needs (who, verified or not, the issue, what was done, what is wanted).');
      }
      const said = handover === undefined ? '' : `: “${quote(handover.say)}”`;
      return act(
        `(${event.mode} ${verb.replace('ed', '')} to ${team}${said})`,
        `You ${verb} the call, ${event.mode}, to ${team}`,
        problems.length > 0 ? problems.join(' ') : null,
        problems.length === 0 ? why : null,
      );
    }
    case 'agent.continue':
      if (node?.type === 'callback') {
        return act(`(books a callback: ${node.who}, ${node.when})`, `You booked a callback (${node.who}, ${node.when})`, null, why);
      }
      return act('(continues)', 'You moved on', null, why);
    case 'line.silence':
      return act(
        `(silence on the line: ${event.seconds} s)`,
        `You left ${event.seconds} seconds of dead air`,
        'Silence on a call feels longer to the caller than to you: say what you are doing, or ask to put them on hold.',
      );
    case 'wrap.submit':
      return act(
        `(wrap-up: disposition "${event.disposition}"${event.notes.trim() === '' ? ', no notes' : ''})`,
        `In wrap-up you chose "${event.disposition}"${event.notes.trim() === '' ? ' and wrote no notes' : ''}`,
      );
  }
}

export function callSteps(
  def: CallDefinition,
  initial: RunnerState,
  events: readonly CallEvent[],
  snapshots: readonly RunnerState[],
): CallStep[] {
  const { scenario } = def;
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
      ...agentAction(def, String(before.value), event, b),
      speakerAfter: scenario.customer.name,
      customerAfter: hungUp ? (scenario.customer.hangUpLine ?? HANG_UP_LINE) : moved ? (nodeAfter?.customer ?? null) : idvAnswer(scenario, nodeAfter, event),
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

/** What the caller answers when asked an ID&V question: said in the transcript. */
function idvAnswer(scenario: Scenario, node: Scenario['nodes'][string] | undefined, event: CallEvent): string | null {
  if (event.type !== 'idv.ask' || node?.type !== 'idv') return null;
  const answer = node.answers[event.key];
  if (answer === undefined) return `(can't give the ${fieldLabel(scenario, event.key)})`;
  return typeof answer === 'string' ? answer : answer.said;
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
