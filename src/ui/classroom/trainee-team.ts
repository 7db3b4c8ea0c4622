/**
 * The trainee's side of team mode: a line in the strip with the team's service level (and their
 * place hidden when the trainer hides the leaderboard), peer-review requests shown as panels, and
 * feedback from classmates and the trainer saved into the development plan with a note saying so.
 * Messages may arrive before the page is drawn; the elements exist from the start.
 */
import type { ServerMessage } from '../../shared/classroom-ws.ts';
import type { ReviewAnswer, TeamBoard } from '../../shared/team-messages.ts';
import type { TeamRequests } from '../../core/ports/team-requests.ts';
import { el } from './classroom-dom.ts';
import { FeedbackInbox } from './feedback-inbox.ts';
import { peerReviewPanel } from './peer-review-panel.ts';

type TeamMessage = Extract<ServerMessage, { type: 'team' | 'review-request' | 'review-saved' | 'feedback' }>;

export class TraineeTeam {
  readonly line = el('span', { id: 'team-line' });
  readonly feedbackNote = el('span', { id: 'feedback-note', class: 'feedback-note', role: 'status' });
  readonly reviews = el('div', { id: 'peer-reviews' });
  private readonly inbox = new FeedbackInbox();
  private readonly shown = new Set<string>();
  private session: { code: string; token: string } | null = null;

  constructor(private readonly place: HTMLElement, private readonly api: TeamRequests) {}

  joined(code: string, token: string): void {
    this.session = { code, token };
  }

  handle(m: TeamMessage): void {
    switch (m.type) {
      case 'team':
        return this.board(m.board);
      case 'review-request': {
        if (this.shown.has(m.request.requestId)) return;
        this.shown.add(m.request.requestId);
        const panel = peerReviewPanel(m.request, (answer) => this.send(answer), () => {
          panel.replaceWith(el('p', { class: 'feedback-note', role: 'status' }, 'Thank you: your review was sent.'));
        });
        this.reviews.append(panel);
        return;
      }
      case 'feedback':
        void this.inbox.receive(m.feedback).then(({ fresh, problem }) => {
          if (problem !== null) this.feedbackNote.textContent = problem;
          else if (fresh.length > 0) this.feedbackNote.textContent = `New feedback from ${fresh.some((f) => f.from === 'trainer') ? 'your trainer' : 'a classmate'} is in your development plan.`;
        });
        return;
      default:
        return;
    }
  }

  private board(b: TeamBoard): void {
    const on = b.settings.teamMode;
    this.place.hidden = on && !b.settings.showLeaderboard;
    this.line.textContent = !on ? '' : `Team service level ${b.serviceLevel === null ? '–' : `${Math.round(b.serviceLevel * 100)}%`} (target ${b.settings.huddle.serviceLevel.percent}% in ${b.settings.huddle.serviceLevel.seconds} s) · ${b.callsWaiting} waiting`;
  }

  private async send(answer: ReviewAnswer): Promise<string | null> {
    if (this.session === null) return 'Not connected to the class yet; try again in a moment.';
    try {
      await this.api.post(`/api/sessions/${encodeURIComponent(this.session.code)}/team/reviews`, { ...answer, token: this.session.token });
      return null;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }
}
