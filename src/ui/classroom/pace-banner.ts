/** The session's pace on the projector, in words (not colour alone): Untimed or Live pace, and what that means for the class. */
import type { SessionPace } from '../../shared/classroom-http.ts';

const WORDS: Record<SessionPace, { readonly name: string; readonly detail: string }> = {
  untimed: { name: 'Untimed', detail: 'take the time you need on every call' },
  live: { name: 'Live pace', detail: 'silence while you decide counts as dead air' },
};

export function showPaceBanner(banner: HTMLElement, pace: SessionPace): void {
  banner.dataset['pace'] = pace;
  banner.querySelector('#pace-name')!.textContent = `${WORDS[pace].name}:`;
  banner.querySelector('#pace-detail')!.textContent = WORDS[pace].detail;
  banner.hidden = false;
}
