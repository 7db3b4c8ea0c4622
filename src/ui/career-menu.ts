/**
 * The career on the menu: tiers (open or locked), the compliant-call streak, skill badges and the
 * next recommended call. It reads the trainee's own record of calls and goals, keeps the menu's
 * cards in career order and marks the locked ones. A trainer opens every tier with `?unlock=all`;
 * in a classroom the trainer's calls are all open.
 */
import { SKILLS, type SkillKey } from '../core/model/skills.ts';
import { SELF_RATING_AREAS, type AreaKey } from '../core/development/areas.ts';
import { careerCallOf, type CareerCall } from '../core/career/career-call.ts';
import { careerOrder, isOpen, tierOf, tierStandings, type CareerScenario, type TierStanding } from '../core/career/tiers.ts';
import { badgeProgress, compliantStreak } from '../core/career/badges.ts';
import { recommendNext } from '../core/career/recommend.ts';
import type { LibraryEntry } from './library.ts';
import { recordEarnedBadges, storeAccess } from './development/store-access.ts';
import { h, replaceChildren } from './dom.ts';
import './career-menu.css';

interface Playable extends CareerScenario {
  readonly entry: LibraryEntry;
}

export function unlockAllRequested(search: string = location.search): boolean {
  const params = new URLSearchParams(search);
  return params.get('unlock') === 'all' || params.has('join');
}

const skillLabel = (skill: string): string => SKILLS[skill as SkillKey] ?? skill;
const areaLabel = (area: string): string => SELF_RATING_AREAS[area as AreaKey]?.label ?? area;

async function readRecord(): Promise<{ history: CareerCall[]; goalAreas: string[] }> {
  try {
    const { record } = await (await storeAccess()).store.load();
    const runs = [...record.runs].sort((a, b) => a.at.localeCompare(b.at));
    return {
      history: runs.map((r) => careerCallOf(r.scorecard)),
      goalAreas: record.goals.filter((g) => g.state === 'active').map((g) => g.goal.area),
    };
  } catch {
    return { history: [], goalAreas: [] };
  }
}

function ladder(standings: readonly TierStanding[]): HTMLElement {
  return h('ol', { class: 'career-tiers', 'aria-label': 'Career tiers' }, standings.map((s, i) => {
    const next = standings[i + 1];
    const note = !s.open ? 'locked' : next === undefined || next.open ? 'open' : `open · ${s.mastered} of ${s.needed} calls handled well to open the next tier`;
    return h('li', { class: s.open ? 'open' : 'locked', 'data-tier': s.tier.level }, h('strong', {}, `Tier ${s.tier.level}: ${s.tier.name}`), ' ', h('span', {}, note));
  }));
}

const playableOf = (entries: readonly LibraryEntry[]): Playable[] => entries.flatMap((entry) => {
  const s = entry.summary;
  return s === null ? [] : [{ id: s.id, title: s.title, difficulty: s.difficulty, skills: s.skills, entry }];
});

/** Puts `cards` first in `list`, in this order, moving only the cards out of place (a moved element loses keyboard focus). */
function placeInOrder(list: HTMLElement, cards: readonly HTMLElement[]): void {
  cards.forEach((card, i) => {
    const there = list.children[i] ?? null;
    if (there !== card) list.insertBefore(card, there);
  });
}

export interface CareerPanel {
  readonly element: HTMLElement;
  /** The menu's calls changed (a trainer added one): the panel and the card order follow, with the record already read. */
  setCalls(entries: readonly LibraryEntry[]): void;
}

/** The career panel; `list` is the menu's card list, kept in career order with locked calls marked. */
export function careerPanel(entries: readonly LibraryEntry[], play: (entry: LibraryEntry) => void, list: HTMLElement): CareerPanel {
  let playable = playableOf(entries);
  let record: { history: readonly CareerCall[]; goalAreas: readonly string[]; loaded: boolean } = { history: [], goalAreas: [], loaded: false };
  const unlockAll = unlockAllRequested();
  const panel = h('section', { class: 'panel career', 'aria-labelledby': 'career-title', 'data-testid': 'career' });
  let standings = tierStandings(playable, [], unlockAll);
  let recommended: string | null = null;

  const arrange = (): void => {
    observer.disconnect();
    const byId = new Map(playable.map((p) => [p.id, p]));
    const cards = [...list.children] as HTMLElement[];
    const idOf = (card: HTMLElement) => card.querySelector<HTMLElement>('button[data-scenario]')?.dataset.scenario ?? '';
    const ordered = careerOrder(cards.filter((c) => byId.has(idOf(c))).map((c) => ({ ...byId.get(idOf(c))!, card: c })));
    placeInOrder(list, [...ordered.map(({ card }) => card), ...cards.filter((c) => !byId.has(idOf(c)))]);
    for (const { card, ...s } of ordered) {
      const open = isOpen(s, standings);
      const tier = tierOf(s.difficulty);
      card.classList.toggle('locked', !open);
      card.dataset.tier = String(tier.level);
      card.querySelector('.career-note')?.remove();
      const button = card.querySelector<HTMLButtonElement>('button[data-scenario]')!;
      button.dataset.label ??= button.textContent ?? '';
      button.dataset.ariaLabel ??= button.getAttribute('aria-label') ?? '';
      button.disabled = !open;
      button.textContent = open ? button.dataset.label : 'Locked';
      button.setAttribute('aria-label', open ? button.dataset.ariaLabel : `Locked: ${s.title}`);
      const text = !open ? `Locked: handle calls in the tier below well to open Tier ${tier.level}.` : s.id === recommended ? `Recommended next · Tier ${tier.level}: ${tier.name}` : `Tier ${tier.level}: ${tier.name}`;
      button.before(h('p', { class: `career-note${s.id === recommended ? ' recommended' : ''}` }, text));
    }
    observer.observe(list, { childList: true });
  };
  const observer = new MutationObserver(arrange);

  /** `loaded`: the record has been read (badges it shows as earned are recorded only when `justRead`). */
  const show = (history: readonly CareerCall[], goalAreas: readonly string[], loaded: boolean, justRead = loaded): void => {
    record = { history, goalAreas, loaded };
    standings = tierStandings(playable, history, unlockAll);
    const next = recommendNext(playable, history, standings, goalAreas, areaLabel);
    recommended = next?.scenario.id ?? null;
    const streak = compliantStreak(history);
    const badges = badgeProgress(playable, history);
    const earned = badges.filter((b) => b.earned);
    if (justRead) recordEarnedBadges(earned.map((b) => b.skill), new Date().toISOString());
    const closest = badges.filter((b) => !b.earned && b.run > 0).sort((a, b) => b.run - a.run).slice(0, 3);
    replaceChildren(panel,
      h('h2', { id: 'career-title' }, 'Your career'),
      ladder(standings),
      unlockAll ? h('p', { class: 'hint' }, 'Every tier is open (set by your trainer).') : null,
      h('p', { 'data-testid': 'streak' }, `Compliant calls in a row: ${streak.current} (best ${streak.best}).`),
      h('div', { class: 'career-badges' },
        h('h3', {}, 'Skill badges'),
        earned.length === 0 && closest.length === 0 ? h('p', { class: 'hint' }, 'Handle three calls in a row well in one skill to earn its badge.') : null,
        h('ul', { class: 'tags badges', 'aria-label': 'Skill badges' },
          earned.map((b) => h('li', { class: 'earned', 'data-badge': b.skill }, `★ ${skillLabel(b.skill)}`)),
          closest.map((b) => h('li', { class: 'progress', 'data-badge': b.skill }, `${skillLabel(b.skill)}: ${b.run} of ${b.needed}`)))),
      next === null ? (playable.length === 0 ? null : h('p', {}, 'You have handled every open call well.')) : h('p', { class: 'row' },
        h('button', { type: 'button', class: 'action primary', 'data-testid': 'recommended', onclick: () => play(next.scenario.entry) }, `Next recommended: ${next.scenario.title}`),
        h('span', { class: 'hint' }, next.why)),
      loaded ? null : h('p', { class: 'hint' }, 'Reading your calls…'));
    arrange();
  };
  show([], [], false);
  void readRecord().then(({ history, goalAreas }) => show(history, goalAreas, true));
  return {
    element: panel,
    setCalls: (next) => {
      playable = playableOf(next);
      show(record.history, record.goalAreas, record.loaded, false);
    },
  };
}
