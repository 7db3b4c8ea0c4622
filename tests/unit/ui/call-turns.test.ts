/**
 * The desk's conversation, read from the views around each action, says what the scorecard's
 * transcript says (every customer line and stage direction, in order), plus a reply to each hold
 * check-back and a line for each transfer; the desk's news speaks of a new task and a mood change once.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, type WalkStep } from '../../helpers/walkthrough.ts';
import { CallSession } from '../../../src/core/engine/call-session.ts';
import type { CallView } from '../../../src/core/engine/call-view.ts';
import { turnLines, type ConversationLine } from '../../../src/ui/call-turns.ts';
import { feelingNews, phaseNews } from '../../../src/ui/call-news.ts';

const manager = loadScenarioFile('scenarios/demands-a-manager.yaml');
const ESCALATION: WalkStep[] = [
  "brightwell home, you're speaking to alex", 'yes, you can speak to my team leader', "let's get you to my team leader now",
  "i'll just ask you a few security questions", { idv: 'fail' }, 'read me your email address off the confirmation', { idv: 'pass' },
  'can i put you on hold for a minute or two while i brief', 'check back', 'resume', "i'll brief her before i put you through",
  { transfer: 'team-leader' },
  { wrap: { disposition: 'escalated-team-leader', notes: 'Warm transfer to the team leader.' } },
];

function played(steps: readonly WalkStep[]): { lines: ConversationLine[]; views: CallView[]; transcript: ReturnType<typeof walk>['transcript'] } {
  const { events, transcript } = walk(manager, steps);
  const session = new CallSession(manager, 1);
  const lines: ConversationLine[] = [];
  const views: CallView[] = [session.view()];
  for (const event of events) {
    const before = session.view();
    expect(session.send(event)).toBe(true);
    lines.push(...turnLines(before, event, session.view()));
    views.push(session.view());
  }
  return { lines, views, transcript };
}

describe('the desk conversation', () => {
  const { lines, views, transcript } = played(ESCALATION);
  const name = manager.scenario.customer.name;

  it('holds every customer line and stage direction of the transcript, in order', () => {
    const said = lines.filter((l) => l.speaker === 'customer' || l.speaker === 'narration').map((l) => (l.speaker === 'customer' ? `${name}: ${l.text}` : l.text));
    const expected = transcript.filter((t) => t.speaker !== 'agent').map((t) => t.text);
    let at = 0;
    for (const line of expected) {
      at = said.indexOf(line, at);
      expect(at, `in the conversation: ${line}`).toBeGreaterThanOrEqual(0);
      at += 1;
    }
    expect(said.length).toBeGreaterThanOrEqual(expected.length);
  });

  it('gives each check-back on hold its own reply, and the escalation its own line', () => {
    const checkBack = lines.findIndex((l) => l.text === 'You check back with the customer on hold.');
    expect(checkBack).toBeGreaterThanOrEqual(0);
    expect(lines[checkBack + 1]?.speaker).toBe('customer');
    expect(lines.some((l) => l.speaker === 'action' && /^You escalate the call to .+, warm\.$/.test(l.text))).toBe(true);
    expect(lines.some((l) => l.speaker === 'agent' && l.text.startsWith('To your colleague: “Priya, Mrs Kavanagh, verified'))).toBe(true);
  });

  it('says what each new task needs once, when it starts', () => {
    const news = views.slice(1).map((view, i) => phaseNews(views[i]!, view));
    expect(news.filter((n) => n?.startsWith('Security check')).length).toBe(2);
    expect(news.filter((n) => n?.startsWith('Customer on hold while you work on')).length).toBe(1);
    expect(news.filter((n) => n?.startsWith('Work done')).length).toBe(1);
    expect(news.filter((n) => n?.startsWith('Escalate the call')).length).toBe(1);
    expect(news.at(-2)).toMatch(/^Call ended\. Wrap-up/);
  });

  it('says a change of mood word once, in words, and nothing when the word stays', () => {
    const news = views.slice(1).flatMap((view, i) => feelingNews(views[i]!, view, name));
    const changes = views.slice(2).filter((view, i) => view.mood !== views[i + 1]!.mood).length;
    expect(news.length).toBeGreaterThan(0);
    expect(news.length).toBeLessThanOrEqual(changes);
    for (const n of news) expect(n).toMatch(new RegExp(`^${name} (is now (furious|annoyed|uneasy|neutral|warming|happy)|'s patience is running low \\(\\d+%\\))\\.$`));
  });
});
