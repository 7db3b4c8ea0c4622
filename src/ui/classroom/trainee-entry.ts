/**
 * The trainee's way in: a join form (code + nickname), then the game started with a PlayContext
 * for this session, and a strip showing the class, the trainee's place and each submission's fate.
 * A browser that already joined this code rejoins straight away with its stored token.
 */
import type { PlayContext } from '../../core/ports/play-context.ts';
import type { Seat, SeatJoining } from '../../core/ports/classroom-seat.ts';
import { el } from './classroom-dom.ts';

export type StartGame = (root: HTMLElement, context: PlayContext) => void;

export interface TraineeSession<S extends Seat = Seat> {
  readonly client: S;
  readonly context: PlayContext;
}

/** `seats` is the classroom client (the page's entry passes src/net's TraineeClient). */
export function startTraineeSession<S extends Seat>(root: HTMLElement, startGame: StartGame, presetCode: string, seats: SeatJoining<S>): Promise<TraineeSession<S>> {
  return new Promise((resolve) => {
    const form = el('form', { class: 'classroom-join', 'aria-label': 'Join a class' });
    const code = el('input', { id: 'join-code', name: 'code', autocomplete: 'off', maxlength: '8', required: '', 'aria-label': 'Class code', placeholder: 'Class code' });
    code.value = presetCode;
    const nickname = el('input', { id: 'join-nickname', name: 'nickname', maxlength: '20', required: '', 'aria-label': 'Nickname', placeholder: 'Nickname' });
    const error = el('p', { class: 'error', role: 'alert', id: 'join-error' });
    error.hidden = true;
    form.append(el('h1', {}, 'Join your class'), code, nickname, el('button', { type: 'submit', id: 'join-button' }, 'Join'), error);
    root.replaceChildren(form);

    const enter = async () => {
      error.hidden = true;
      try {
        const strip = el('div', { class: 'classroom-strip', role: 'status', id: 'classroom-strip' });
        const place = el('span', { id: 'my-place' }, 'No calls yet');
        const note = el('span', { id: 'submit-note' });
        const connection = el('span', { id: 'connection' });
        const client = await seats.join(code.value, nickname.value, {
          onStanding: (row) => (place.textContent = row.rank === null ? 'No place yet: finish a call' : `Place ${row.rank} · score ${row.score.toFixed(1)} · ${row.played} of ${row.scenarios} session calls played`),
          onSubmitted: (r) => (note.textContent = r.status === 'accepted' ? `Call scored ${r.composite.toFixed(1)}` : `Call refused: ${r.reason}`),
          onConnection: (s) => (connection.textContent = s === 'open' ? '' : 'Reconnecting…'),
          onError: (m) => (note.textContent = m),
          onStatus: (s) => (strip.dataset['status'] = s),
        });
        const context = await client.playContext();
        strip.append(el('strong', { id: 'banner' }, context.banner ?? ''), place, note, connection);
        const game = el('div', { id: 'classroom-game' });
        root.replaceChildren(strip, game);
        startGame(game, context);
        resolve({ client, context });
      } catch (e) {
        error.textContent = e instanceof Error ? e.message : String(e);
        error.hidden = false;
      }
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void enter();
    });
    if (presetCode !== '' && seats.hasToken(presetCode)) void enter();
  });
}
