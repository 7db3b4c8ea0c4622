/** The trainer's page: pick scenarios (or upload a file, checked with the game's pipeline), create a session, then run it. */
import { api } from '../../net/classroom-api.ts';
import { LiveSocket } from '../../net/live-socket.ts';
import type { JoinCode, TrainerKey } from '../../shared/classroom-ids.ts';
import type { SessionPace, SessionScenario } from '../../shared/classroom-http.ts';
import { byId, el, pageParams, showError } from './classroom-dom.ts';
import { renderLeaderboard } from './leaderboard-view.ts';
import { mountTeamTrainer } from './team-trainer.ts';

const uploads: { file: string; text: string }[] = [];

async function setUp(): Promise<void> {
  const { scenarios } = await api.scenarios();
  byId('library').replaceChildren(
    ...scenarios.map((s) => {
      const label = el('label');
      const box = el('input', { type: 'checkbox', value: s.hash, 'data-id': s.id });
      label.append(box, ` ${s.title} `, el('small', {}, `(level ${s.difficulty})`));
      return el('li', {}, undefined).appendChild(label).parentElement!;
    }),
  );
  byId<HTMLInputElement>('upload').addEventListener('change', async (event) => {
    const files = [...((event.target as HTMLInputElement).files ?? [])];
    // The report lists every file chosen so far (each choice adds to the session's uploads; none replaces another).
    const report = byId('upload-report');
    for (const f of files) {
      const text = await f.text();
      if (uploads.some((u) => u.text === text)) {
        report.append(el('li', { class: 'ok' }, `${f.name}: this call is already in the list`));
        continue;
      }
      const checked = await api.checkFile(f.name, text);
      if (checked.ok) {
        uploads.push({ file: f.name, text });
        report.append(el('li', { class: 'ok' }, `${f.name}: “${checked.title}” is ready`));
      } else report.append(el('li', { class: 'bad' }, `${f.name} has problems:`), el('pre', {}, checked.diagnostics.join('\n')));
    }
  });
  byId('create').addEventListener('click', () => void create());
}

async function create(): Promise<void> {
  const error = byId('create-error');
  error.hidden = true;
  const scenarioHashes = [...document.querySelectorAll<HTMLInputElement>('#library input:checked')].map((i) => i.value);
  try {
    const pace: SessionPace = document.querySelector<HTMLInputElement>('input[name="pace"]:checked')?.value === 'live' ? 'live' : 'untimed';
    const created = await api.createSession({ title: byId<HTMLInputElement>('title').value || 'Classroom session', pace, scenarioHashes, uploads });
    location.assign(created.trainerPath);
  } catch (e) {
    showError(error, e);
  }
}

/** Who joined, each with Remove and Block (the trainer's answer to bots and bad names). */
function renderPlayers(code: string, key: string, players: readonly { playerId: string; nickname: string; connected: boolean }[]): void {
  const remove = async (playerId: string, nickname: string, block: boolean) => {
    if (!confirm(`${block ? 'Block' : 'Remove'} ${nickname}? Their results leave the session.`)) return;
    try {
      await api.removePlayer(code, playerId, block, key);
    } catch (e) {
      showError(byId('manage-error'), e);
    }
  };
  byId('players-list').replaceChildren(
    ...players.map((p) => {
      const li = el('li', { 'data-player': p.playerId });
      const removeButton = el('button', { type: 'button' }, 'Remove');
      removeButton.addEventListener('click', () => void remove(p.playerId, p.nickname, false));
      const blockButton = el('button', { type: 'button', class: 'danger' }, 'Block');
      blockButton.addEventListener('click', () => void remove(p.playerId, p.nickname, true));
      li.append(el('span', {}, `${p.nickname}${p.connected ? '' : ' (away)'} `), removeButton, blockButton);
      return li;
    }),
  );
}

/** The session's calls, kept up to date when the trainer adds one from the workbench. */
function renderCalls(scenarios: readonly SessionScenario[]): void {
  byId('session-calls').replaceChildren(...scenarios.map((s) => el('li', { 'data-call': s.id }, `${s.title}${s.uploaded ? ' (your upload)' : ''}`)));
}

function showPace(pace: SessionPace): void {
  const note = byId('pace-note');
  note.className = pace === 'live' ? 'pace-live' : '';
  note.textContent = pace === 'live'
    ? 'Live pace: every call in this session is played at live pace; silence while deciding counts as dead air.'
    : 'Untimed: every call in this session is played untimed.';
}

/** A file name the server takes (letters, digits, spaces, dots, - and _). */
const uploadName = (name: string) => name.replace(/[^\w. -]/g, '-').slice(0, 120) || 'call.yaml';

/** The trainer uploads a call into the running session; the list of calls updates from the server's push. */
function offerAddCall(code: string, key: string): void {
  const input = byId<HTMLInputElement>('add-call');
  input.addEventListener('change', async () => {
    const report = byId('add-call-report');
    report.replaceChildren();
    for (const f of [...(input.files ?? [])]) {
      try {
        const answer = await api.addCall(code, uploadName(f.name), await f.text(), key);
        report.append(el('p', { class: 'ok' }, answer.alreadyThere ? `${f.name}: this call is already in the session.` : `${f.name}: “${answer.added.title}” added.`));
      } catch (e) {
        // The server's reason, wrapped to the window (a long line in a <pre> ran off a narrow screen).
        report.append(el('p', { class: 'bad' }, `${f.name} was not added:`), el('p', { class: 'error' }, e instanceof Error ? e.message : String(e)));
      }
    }
    input.value = '';
  });
}

function manage(code: string, key: string): void {
  byId('setup').hidden = true;
  byId('manage').hidden = false;
  byId('code').textContent = code;
  byId<HTMLAnchorElement>('projector-link').href = `/classroom/projector.html?code=${code}`;
  byId<HTMLAnchorElement>('debrief-link').href = `/classroom/debrief.html?code=${code}#key=${key}`;
  byId('secret-note').textContent = 'Keep this page’s address private: it is the only link that can start, lock, end or delete the session.';
  for (const action of ['start', 'lock', 'unlock', 'end'] as const) {
    byId(`do-${action}`).addEventListener('click', async () => {
      try {
        const r = await api.control(code, action, key);
        byId('status').textContent = r.status;
      } catch (e) {
        showError(byId('manage-error'), e);
      }
    });
  }
  byId('do-delete').addEventListener('click', async () => {
    if (!confirm('Delete this session and all its results?')) return;
    await api.deleteSession(code, key);
    byId('status').textContent = 'deleted';
  });
  offerAddCall(code, key);
  const team = mountTeamTrainer(byId('team'), code, key, api);
  api.session(code).then((info) => { byId('session-title').textContent = `${info.title} · `; showPace(info.pace); renderCalls(info.scenarios); }, (e: unknown) => showError(byId('manage-error'), e));
  new LiveSocket({
    hello: () => ({ type: 'hello', code: code as JoinCode, trainerKey: key as TrainerKey }),
    onMessage: (m) => {
      if (m.type === 'welcome' || m.type === 'status') byId('status').textContent = m.status;
      if (m.type === 'welcome' || m.type === 'scenarios') renderCalls(m.scenarios);
      if (m.type === 'players') {
        byId('player-count').textContent = String(m.players.length);
        renderPlayers(code, key, m.players);
      }
      if (m.type === 'leaderboard') renderLeaderboard(byId<HTMLTableElement>('leaderboard'), m.rows);
      if (m.type === 'error') showError(byId('manage-error'), m.error);
      if (m.type === 'team') team.board(m.board);
    },
  });
}

const { code, key } = pageParams();
if (code !== '' && key !== null) manage(code, key);
else setUp().catch((e) => showError(byId('create-error'), e));
