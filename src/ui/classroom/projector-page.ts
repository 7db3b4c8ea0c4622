/** The projector: the join code big, a QR code to the join page, the session's pace, who has joined, then the live leaderboard (or, in team mode, the class's shared wallboard). */
import QRCode from 'qrcode';
import { LiveSocket } from '../../net/live-socket.ts';
import type { JoinCode } from '../../shared/classroom-ids.ts';
import { byId, el, pageParams } from './classroom-dom.ts';
import { renderLeaderboard } from './leaderboard-view.ts';
import { renderTeamBoard } from './team-board-view.ts';
import { api } from '../../net/classroom-api.ts';
import { showPaceBanner } from './pace-banner.ts';

const { code } = pageParams();
const joinUrl = `${location.origin}/?join=${code}`;
byId('code').textContent = code.replace(/(...)(...)/, '$1 $2');
byId('join-url').textContent = `${location.host}/?join=${code}`;
void QRCode.toCanvas(byId<HTMLCanvasElement>('qr'), joinUrl, { width: 240, margin: 1 });
// The session's pace, set when it was created, in words the back of the room can read.
api.session(code).then((info) => showPaceBanner(byId('pace'), info.pace), () => undefined);

new LiveSocket({
  hello: () => ({ type: 'hello', code: code as JoinCode }),
  onState: (s) => (byId('connection').textContent = s === 'open' ? '' : 'Reconnecting…'),
  onMessage: (m) => {
    switch (m.type) {
      case 'welcome':
        byId('title').textContent = m.title;
        byId('status').textContent = m.status;
        return;
      case 'status':
        byId('status').textContent = m.status;
        return;
      case 'players': {
        byId('player-count').textContent = String(m.players.length);
        byId('players').replaceChildren(...m.players.map((p) => el('li', { class: p.connected ? '' : 'away' }, p.nickname)));
        return;
      }
      case 'leaderboard':
        renderLeaderboard(byId<HTMLTableElement>('leaderboard'), m.rows.slice(0, 15));
        byId('leaderboard').dataset['seq'] = String(m.seq);
        return;
      case 'team':
        byId('team-section').hidden = !m.board.settings.teamMode;
        byId('leaderboard-section').hidden = m.board.settings.teamMode && !m.board.settings.showLeaderboard;
        renderTeamBoard(byId('team-board'), m.board);
        return;
      case 'deleted':
        byId('status').textContent = 'deleted';
        return;
      case 'error':
        byId('connection').textContent = m.error;
        return;
      default:
        return;
    }
  },
});
