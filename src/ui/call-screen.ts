/**
 * The call desk: renders `session.view()` and sends the trainee's actions to the core. No scoring or
 * branching happens here; the screen only shows what the core says and plays the cues.
 */
import type { CallSession } from '../core/engine/call-session.ts';
import type { CallPhase, CallView } from '../core/engine/call-view.ts';
import type { CallEvent } from '../shared/call-events.ts';
import type { SoundBoard } from '../core/ports/sounds.ts';
import type { DeskDisplay } from '../core/ports/desk.ts';
import { h, replaceChildren } from './dom.ts';
import { crmPanel, statusBar } from './call-panels.ts';
import { idvPanel, type IdvMarks } from './idv-panel.ts';
import { callActions } from './call-actions.ts';
import { speak } from './speech.ts';
import './agent-tools.css';

export interface CallScreenDeps {
  readonly session: CallSession;
  readonly sounds: SoundBoard;
  readonly desk: DeskDisplay;
  readonly readAloud: () => boolean;
  readonly onEvent: (session: CallSession) => void;
  readonly onOver: (session: CallSession) => void;
}

function phaseCues(before: CallPhase | null, view: CallView, sounds: SoundBoard): string | null {
  const after = view.phase;
  if (after === 'ringing') sounds.play('ring');
  else sounds.stop('ring');
  if (after === 'hold') sounds.play('hold-music');
  else sounds.stop('hold-music');
  if (before === 'ringing' && after !== 'ringing') {
    sounds.play('connected');
    return 'Call connected';
  }
  if (after === 'wrapup' && before !== 'wrapup') {
    sounds.play('ended');
    return view.wrapup?.outcome === 'hung-up' ? 'The customer hung up' : 'Call ended';
  }
  return null;
}

export function mountCallScreen(root: HTMLElement, deps: CallScreenDeps): () => void {
  const { session, sounds, desk } = deps;
  const scenario = session.definition.scenario;
  const conversation = h('ol', { class: 'conversation', 'aria-label': 'Conversation so far', tabindex: 0 });
  const live = h('p', { class: 'customer-line', 'aria-live': 'polite', 'data-testid': 'customer-line', tabindex: -1 });
  const cue = h('p', { class: 'visual-cue', role: 'status', 'data-testid': 'cue' });
  const status = h('div');
  const idv = h('div');
  const actions = h('div', { class: 'actions', 'data-testid': 'actions', tabindex: -1, 'aria-label': 'Your options' });
  root.replaceChildren(h('div', { class: 'screen call-desk', 'data-screen': 'call' },
    h('header', { class: 'call-head' }, h('h1', {}, scenario.title), h('p', {}, `${scenario.direction === 'inbound' ? 'Inbound' : 'Outbound'} call · ${scenario.customer.name}`)),
    status,
    h('div', { class: 'desk-grid' },
      h('aside', { class: 'left' }, crmPanel(scenario), idv),
      h('section', { class: 'talk', 'aria-label': 'The call' }, h('div', { class: 'stage', 'aria-hidden': 'true' }), cue, live, conversation, actions),
    )));

  const stageAnchor = (): { x: number; y: number } => {
    const stage = root.querySelector('.stage')!.getBoundingClientRect();
    const canvas = document.getElementById('desk-canvas')?.getBoundingClientRect() ?? { left: 0, top: 0 };
    return { x: stage.left - canvas.left + stage.width / 2, y: stage.top - canvas.top + stage.height / 2 };
  };

  let phase: CallPhase | null = null;
  let marksFor: string | null = null;
  let lastAsked: string | null = null;
  const marks: IdvMarks = new Map();
  const send = (event: CallEvent): void => {
    sounds.play('click');
    if (!session.send(event)) return;
    deps.onEvent(session);
    if (session.over) {
      deps.onOver(session);
      return;
    }
    render();
  };

  function logLine(cls: string, text: string): void {
    conversation.append(h('li', { class: cls }, text));
    conversation.scrollTop = conversation.scrollHeight;
  }

  function render(): void {
    const view = session.view();
    const message = phaseCues(phase, view, sounds);
    cue.textContent = message ?? (view.phase === 'ringing' ? '☎ Ringing…' : view.phase === 'hold' ? '♪ On hold' : '');
    if (view.narration) logLine('narration', view.narration);
    let spoke = false;
    // The caller's answer to the latest ID&V question is the latest thing said.
    const answered = lastAsked === null ? undefined : view.idv?.find((q) => q.key === lastAsked && q.asked);
    const latestAnswer = answered === undefined ? null : (answered.callerSaid ?? '(cannot answer that)');
    lastAsked = null;
    if (latestAnswer !== null) {
      spoke = true;
      live.dataset.last = latestAnswer;
      live.textContent = `${scenario.customer.name}: ${latestAnswer}`;
      logLine('customer', live.textContent);
      if (deps.readAloud()) speak(latestAnswer);
    } else if (view.customerLine && (phase !== view.phase || view.customerLine !== live.dataset.last)) {
      spoke = true;
      live.dataset.last = view.customerLine;
      live.textContent = `${scenario.customer.name}: ${view.customerLine}`;
      logLine('customer', live.textContent);
      if (deps.readAloud()) speak(view.customerLine);
    }
    phase = view.phase;
    replaceChildren(status, statusBar(view, scenario.customer.name));
    if (marksFor !== view.nodeId) {
      marks.clear();
      marksFor = view.nodeId;
    }
    const focusedKey = (document.activeElement as HTMLElement | null)?.closest('tr')?.dataset.idvKey;
    // The ID&V check is the task at hand while it lasts: it takes the place of the options, beside
    // the conversation, with the CRM record still in view on the left.
    const idvBox = idvPanel(view, marks, (event) => {
      if (event.type === 'idv.ask') {
        lastAsked = event.key;
        const q = view.idv?.find((x) => x.key === event.key);
        logLine('agent', `You: Can I take your ${q?.label.toLowerCase() ?? event.key}, please?`);
      }
      send(event);
    });
    replaceChildren(idv);
    replaceChildren(actions, idvBox ?? callActions(view, (event) => {
      if (event.type === 'agent.choose') {
        const said = view.choices.find((c) => c.index === event.index)?.say;
        if (said) logLine('agent', `You: ${said}`);
      }
      send(event);
    }));
    desk.show({ phase: view.phase, mood: view.mood, patience: view.patience, talk: view.clock.talk, hold: view.clock.hold, target: view.clock.target, anchor: stageAnchor() });
    // Nothing is pre-selected: focus goes to what the customer just said (or stays in the ID&V
    // table while the trainee works through it), never to an answer.
    const row = focusedKey === undefined ? null : actions.querySelector<HTMLElement>(`tr[data-idv-key="${CSS.escape(focusedKey)}"] input, tr[data-idv-key="${CSS.escape(focusedKey)}"] button`);
    if (row !== null) row.focus();
    else if (spoke || view.phase === 'ringing') (view.phase === 'ringing' ? root.querySelector<HTMLElement>('.actions button') : live)?.focus();
    else actions.focus();
  }

  const onKey = (e: KeyboardEvent): void => {
    const target = e.target as HTMLElement | null;
    if (target && (target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.tagName === 'INPUT')) return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.key.toLowerCase();
    if (key === 'enter') return;
    const match = root.querySelector<HTMLButtonElement>(`button[data-key="${CSS.escape(key)}"]`);
    if (match) {
      e.preventDefault();
      match.click();
    }
  };
  const onResize = (): void => {
    const view = session.view();
    desk.show({ phase: view.phase, mood: view.mood, patience: view.patience, talk: view.clock.talk, hold: view.clock.hold, target: view.clock.target, anchor: stageAnchor() });
  };
  document.addEventListener('keydown', onKey);
  window.addEventListener('resize', onResize);
  render();
  return () => {
    document.removeEventListener('keydown', onKey);
    window.removeEventListener('resize', onResize);
    sounds.stop('ring');
    sounds.stop('hold-music');
    desk.show(null);
  };
}
