/**
 * The trainee's way in: a join form (code + nickname), then the game started with a PlayContext
 * for this session, and a strip showing the class, the trainee's place and each submission's fate.
 * A browser that already joined this code rejoins straight away with its stored token.
 */
import type { PlayContext, RunningGame } from '../../core/ports/play-context.ts';
import type { Seat, SeatJoining } from '../../core/ports/classroom-seat.ts';
import type { TeamRequests } from '../../core/ports/team-requests.ts';
import { el } from './classroom-dom.ts';
import { TraineeTeam } from './trainee-team.ts';
import { paceNote } from './trainee-notes.ts';
import { SessionCallsFeed } from './session-calls-feed.ts';
import './trainee-page.css';

export type StartGame = (root: HTMLElement, context: PlayContext) => RunningGame;

export interface TraineeSession<S extends Seat = Seat> {
  readonly client: S;
  readonly context: PlayContext;
}

/** `seats` is the classroom client (the page's entry passes src/net's TraineeClient). */
export function startTraineeSession<S extends Seat>(root: HTMLElement, startGame: StartGame, presetCode: string, seats: SeatJoining<S>, teamRequests: TeamRequests): Promise<TraineeSession<S>> {
  return new Promise((resolve) => {
    const form = el('form', { class: 'classroom-join', 'aria-label': 'Join a class' });
    const code = el('input', { id: 'join-code', name: 'code', autocomplete: 'off', maxlength: '8', required: '', 'aria-describedby': 'join-error' });
    code.value = presetCode;
    const nickname = el('input', { id: 'join-nickname', name: 'nickname', maxlength: '20', required: '', 'aria-describedby': 'join-error' });
    const error = el('p', { class: 'error', role: 'alert', id: 'join-error' });
    error.hidden = true;
    form.append(el('h1', {}, 'Join your class'),
      el('label', { for: 'join-code' }, 'Class code'), code,
      el('label', { for: 'join-nickname' }, 'Nickname'), nickname,
      el('button', { type: 'submit', id: 'join-button' }, 'Join'), error);
    root.replaceChildren(form);

    const enter = async () => {
      error.hidden = true;
      for (const field of [code, nickname]) field.removeAttribute('aria-invalid');
      try {
        const strip = el('div', { class: 'classroom-strip', role: 'status', id: 'classroom-strip' });
        const place = el('span', { id: 'my-place' }, 'No calls yet');
        const note = el('span', { id: 'submit-note' });
        const connection = el('span', { id: 'connection' });
        const team = new TraineeTeam(place, teamRequests);
        const added = el('p', { id: 'added-calls', class: 'classroom-added', role: 'status' });
        const feed = new SessionCallsFeed(added);
        const client = await seats.join(code.value, nickname.value, {
          onStanding: (row) => (place.textContent = row.rank === null ? 'No place yet: finish a call' : `Place ${row.rank} · score ${row.score.toFixed(1)} · ${row.played} of ${row.scenarios} session calls played`),
          onSubmitted: (r) => (note.textContent = r.status === 'accepted' ? `Call scored ${r.composite.toFixed(1)}` : `Call refused: ${r.reason}`),
          onConnection: (s) => (connection.textContent = s === 'open' ? '' : 'Reconnecting…'),
          onError: (m) => (note.textContent = m),
          onStatus: (s) => (strip.dataset['status'] = s),
          onTeam: (m) => team.handle(m),
          onScenarios: (scenarios) => feed.changed(scenarios),
        });
        team.joined(client.joined.code, client.joined.token);
        const context = await client.playContext();
        strip.append(el('strong', { id: 'banner' }, context.banner ?? ''), paceNote(context.pace ?? 'untimed'), place, team.line, note, team.feedbackNote, connection);
        const game = el('div', { id: 'classroom-game' });
        root.replaceChildren(strip, added, team.reviews, game);
        feed.started(startGame(game, context), context.scenarioHashes ?? []);
        resolve({ client, context });
      } catch (e) {
        error.textContent = e instanceof Error ? e.message : String(e);
        error.hidden = false;
        for (const field of [code, nickname]) field.setAttribute('aria-invalid', 'true');
      }
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void enter();
    });
    if (presetCode !== '' && seats.hasToken(presetCode)) void enter();
  });
}
