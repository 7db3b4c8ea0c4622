/**
 * The call desk: renders `session.view()` and sends the trainee's actions to the core. No scoring or
 * branching happens here; the screen only shows what the core says, plays the cues and says what
 * changed. Layout: the softphone bar on top, the call (picture, latest line, conversation) in the
 * centre, the CRM record beside it and the task at hand (options or a tool) in its own panel.
 *
 * Focus and speech: each turn's words go to the page's one status region; focus stays on the task
 * panel (a stable element) and is moved, if at all, before anything is said, so nothing cuts a line.
 */
import { CallSession } from '../core/engine/call-session.ts';
import type { CallPhase, CallView } from '../core/engine/call-view.ts';
import type { CallEvent } from '../shared/call-events.ts';
import type { SoundBoard } from '../core/ports/sounds.ts';
import type { DeskDisplay } from '../core/ports/desk.ts';
import { h, replaceChildren } from './dom.ts';
import { crmPanel, statusBar } from './call-panels.ts';
import { idvPanel, type IdvMarks } from './idv-panel.ts';
import { callActions } from './call-actions.ts';
import { speak } from './speech.ts';
import { announce } from './announcer.ts';
import { turnLines, type ConversationLine } from './call-turns.ts';
import { feelingNews, phaseNews } from './call-news.ts';
import { listenForShortcuts } from './shortcuts.ts';
import { callStateText, taskTitle } from './call-state.ts';
import { placeFocus } from './call-focus.ts';
import { deskStateFor } from './desk-state.ts';
import { silenceCountsIn, startLivePace, STILL_THERE } from './live-pace.ts';
import { personaFor } from '../core/persona/persona.ts';
import './agent-tools.css';
import './call-desk.css';

export interface CallScreenDeps {
  readonly session: CallSession;
  readonly sounds: SoundBoard;
  readonly desk: DeskDisplay;
  readonly readAloud: () => boolean;
  /** Whether single-key shortcuts are on (a setting); absent means on. */
  readonly shortcuts?: () => boolean;
  readonly onEvent: (session: CallSession) => void;
  readonly onOver: (session: CallSession) => void;
}

function phaseSounds(before: CallPhase | null, after: CallPhase, sounds: SoundBoard): void {
  if (after === 'ringing') sounds.play('ring');
  else sounds.stop('ring');
  if (after === 'hold') sounds.play('hold-music');
  else sounds.stop('hold-music');
  if (before === 'ringing' && after !== 'ringing') sounds.play('connected');
  if (after === 'wrapup' && before !== 'wrapup') sounds.play('ended');
}

/** The conversation up to now, read again from a resumed call's events. */
function pastLines(session: CallSession): ConversationLine[] {
  const again = new CallSession(session.definition, session.seed);
  const lines: ConversationLine[] = [];
  for (const event of session.events) {
    const before = again.view();
    if (again.send(event)) lines.push(...turnLines(before, event, again.view()));
  }
  again.stop();
  return lines;
}

export function mountCallScreen(root: HTMLElement, deps: CallScreenDeps): () => void {
  const { session, sounds, desk } = deps;
  const scenario = session.definition.scenario;
  const name = scenario.customer.name;
  const conversation = h('ol', { class: 'conversation', 'aria-label': 'Conversation so far', tabindex: 0, 'data-testid': 'conversation' });
  // Until someone speaks, the latest line says who is on the line.
  const latest = h('p', { class: 'customer-line', 'data-testid': 'customer-line', 'data-speaker': 'none', tabindex: 0 },
    scenario.direction === 'inbound' ? `☎ ${name} is calling` : `☎ Calling ${name}`);
  const state = h('p', { class: 'call-state', 'data-testid': 'cue' });
  const status = h('div', { class: 'softphone-status' });
  const taskHeading = h('h2', { id: 'task-title' });
  const actions = h('div', { class: 'actions', 'data-testid': 'actions', tabindex: -1, role: 'group', 'aria-labelledby': 'task-title' });
  const softphone = h('section', { class: 'softphone', 'aria-label': 'Softphone', 'data-testid': 'softphone' },
    h('div', { class: 'softphone-call' },
      h('h1', {}, scenario.title),
      h('p', { class: 'softphone-who' }, `${scenario.direction === 'inbound' ? 'Inbound' : 'Outbound'} call · ${name}`)),
    state, status);
  // The grid's cells are its children, so the latest line can stay in view on a single column too.
  const desktop = h('div', { class: 'call-desk', 'data-screen': 'call' },
    softphone,
    h('div', { class: 'desk-grid' },
      h('h2', { id: 'talk-title', class: 'visually-hidden' }, 'The call'),
      h('div', { class: 'stage', 'aria-hidden': 'true', 'data-testid': 'desk-stage' }),
      latest, conversation,
      h('section', { class: 'work', 'aria-labelledby': 'task-title', 'data-testid': 'work' }, taskHeading, actions),
      // Focusable, so its scrolling can be done from the keyboard.
      h('aside', { class: 'desk-crm', 'aria-label': 'Customer record', tabindex: 0 }, crmPanel(scenario))));
  root.classList.add('call-host');
  root.replaceChildren(desktop);
  window.scrollTo(0, 0);

  const persona = personaFor(scenario, new Date().getFullYear());
  let prompting = false;
  const showDesk = (view: CallView): void =>
    desk.show(deskStateFor(view, persona, session.runLog().events.length, root.querySelector('.stage'), prompting));

  function addLine(line: ConversationLine): void {
    const who = line.speaker === 'customer' ? `${name}: ` : line.speaker === 'agent' ? 'You: ' : '';
    // "action" is the buttons' class: lines of what the trainee did are "did".
    const kind = line.speaker === 'action' ? 'did' : line.speaker;
    conversation.append(h('li', { class: kind }, who, line.text));
    replaceChildren(latest, h('span', { class: 'visually-hidden' }, 'Latest: '), who === '' ? null : h('span', { class: 'speaker' }, who), line.text);
    latest.dataset.speaker = line.speaker;
    latest.dataset.last = line.text;
  }

  let shown: CallView | null = null;
  const marks: IdvMarks = new Map();
  let marksFor: string | null = null;

  const send = (event: CallEvent): void => {
    if (event.type !== 'line.silence') {
      sounds.play('click');
      pace?.flush();
      if (session.over) return;
    }
    const before = session.view();
    if (!session.send(event)) return;
    deps.onEvent(session);
    if (session.over) {
      pace?.stop();
      deps.onOver(session);
      return;
    }
    if (event.type === 'line.silence') {
      // Only the meters move: focus and the conversation stay where the trainee is.
      replaceChildren(status, statusBar(session.view(), name));
      showDesk(session.view());
      return;
    }
    render(turnLines(before, event, session.view()), event);
    pace?.restart();
  };
  // Live pace (chosen before the call; recorded in its log): silence while deciding is dead air.
  const pace = session.pace !== 'live' ? null : startLivePace({
    counts: () => !session.over && silenceCountsIn(session.view().phase),
    sendSilence: (seconds) => send({ type: 'line.silence', seconds }),
    onPrompt: (on) => {
      prompting = on;
      if (on) {
        sounds.play('prompt');
        state.textContent = 'Dead air: the customer is waiting';
        addLine({ speaker: 'customer', text: STILL_THERE });
        announce(`${name}: ${STILL_THERE}`);
        if (deps.readAloud()) speak(STILL_THERE, persona);
      }
      showDesk(session.view());
    },
  });

  function render(lines: readonly ConversationLine[], event: CallEvent | null): void {
    const view = session.view();
    const before = shown;
    phaseSounds(before?.phase ?? null, view.phase, sounds);
    for (const line of lines) addLine(line);
    conversation.scrollTop = conversation.scrollHeight;
    state.textContent = callStateText(view);
    state.dataset.phase = view.phase;
    replaceChildren(status, statusBar(view, name));
    taskHeading.textContent = taskTitle(view.phase);
    if (marksFor !== view.nodeId) {
      marks.clear();
      marksFor = view.nodeId;
    }
    const focusedKey = (document.activeElement as HTMLElement | null)?.closest('tr')?.dataset.idvKey;
    const tool = idvPanel(view, marks, send);
    replaceChildren(actions, tool ?? callActions(view, send));
    showDesk(view);
    shown = view;
    // Focus first, words after: a focus move never cuts what is being said.
    placeFocus({ actions, view, event, idvKey: focusedKey ?? null });
    const spoken = lines.filter((l) => l.speaker !== 'agent').map((l) => (l.speaker === 'customer' ? `${name}: ${l.text}` : l.text));
    announce([...spoken, phaseNews(before, view) ?? '', ...feelingNews(before, view, name)].filter((t) => t !== '').join(' '));
    const said = lines.filter((l) => l.speaker === 'customer').at(-1);
    if (said !== undefined && deps.readAloud()) speak(said.text, persona);
  }

  const stopShortcuts = listenForShortcuts({ region: desktop, enabled: deps.shortcuts ?? (() => true) });
  const onResize = (): void => showDesk(session.view());
  window.addEventListener('resize', onResize);
  // On a single column the latest line sticks just under the softphone bar, whatever its height.
  const barHeight = new ResizeObserver(() => desktop.style.setProperty('--softphone-h', `${softphone.offsetHeight}px`));
  barHeight.observe(softphone);
  sounds.play('ambience');
  if (session.events.length > 0) {
    for (const line of pastLines(session)) addLine(line);
    shown = session.view();
    render([], null);
    const last = latest.dataset.last === undefined ? '' : ` The last thing said: ${latest.textContent?.replace(/^Latest: /, '') ?? ''}`;
    announce(`Call resumed.${last}`);
  } else {
    render([], null);
  }
  return () => {
    pace?.stop();
    stopShortcuts();
    barHeight.disconnect();
    window.removeEventListener('resize', onResize);
    sounds.stop('ring');
    sounds.stop('hold-music');
    sounds.stop('ambience');
    desk.show(null);
  };
}
