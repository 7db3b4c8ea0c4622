/** The portfolio's record of skill badges: each skill where three calls in a row were handled well. */
import { SKILLS, type SkillKey } from '../../core/model/skills.ts';
import { BADGE_RUN } from '../../core/career/badges.ts';
import { GOOD_QA } from '../../core/career/career-call.ts';
import { loadEarnedBadges } from './store-access.ts';
import { h } from '../dom.ts';

export function careerBadgesSection(): HTMLElement {
  const earned = Object.entries(loadEarnedBadges()).sort((a, b) => a[1].localeCompare(b[1]));
  return h('section', { class: 'report-part', id: 'pf-badges', 'aria-labelledby': 'pf-badges-title', 'data-testid': 'portfolio-badges' },
    h('h2', { id: 'pf-badges-title' }, 'Skill badges'),
    h('p', { class: 'muted' }, `A badge is earned by ${BADGE_RUN} calls in a row in that skill with QA of at least ${GOOD_QA}%, no compliance breach and the need resolved.`),
    earned.length === 0 ? h('p', {}, 'No skill badges yet.') : h('ul', {}, earned.map(([skill, at]) => h('li', { 'data-badge': skill }, `${SKILLS[skill as SkillKey] ?? skill}: earned ${at.slice(0, 10)}`))));
}
