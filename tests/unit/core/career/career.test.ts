import { describe, expect, it } from 'vitest';
import type { CareerCall } from '../../../../src/core/career/career-call.ts';
import { tierStandings, isOpen, careerOrder, type CareerScenario } from '../../../../src/core/career/tiers.ts';
import { badgeProgress, compliantStreak, personalBests } from '../../../../src/core/career/badges.ts';
import { recommendNext } from '../../../../src/core/career/recommend.ts';

const S = (id: string, difficulty: number, skills: string[]): CareerScenario => ({ id, title: id, difficulty, skills });
const LIB = [S('easy-a', 1, ['idv-gdpr']), S('easy-b', 2, ['complaint-handling']), S('mid-a', 3, ['vulnerability']), S('mid-b', 3, ['idv-gdpr']), S('hard-a', 5, ['escalation'])];
const good = (id: string): CareerCall => ({ scenarioId: id, qa: 90, compliant: true, fcr: 'yes' });
const poor = (id: string, patch: Partial<CareerCall> = {}): CareerCall => ({ scenarioId: id, qa: 55, compliant: true, fcr: 'yes', ...patch });

describe('tiers open on competence, not on calls played', () => {
  it('a new trainee sees only the first-week calls open', () => {
    const standings = tierStandings(LIB, []);
    expect(standings.map((s) => s.open)).toEqual([true, false, false]);
    expect(LIB.filter((s) => isOpen(s, standings)).map((s) => s.id)).toEqual(['easy-a', 'easy-b']);
  });

  it('twenty poor calls open nothing; two different good calls open the next tier', () => {
    const many = Array.from({ length: 20 }, (_, i) => poor(i % 2 ? 'easy-a' : 'easy-b'));
    expect(tierStandings(LIB, many)[1]!.open).toBe(false);
    expect(tierStandings(LIB, [good('easy-a'), good('easy-a'), good('easy-a')])[1]!.open).toBe(false);
    expect(tierStandings(LIB, [good('easy-a'), good('easy-b')])[1]!.open).toBe(true);
    expect(tierStandings(LIB, [good('easy-a'), good('easy-b')])[2]!.open).toBe(false);
  });

  it('a fatal breach or an unresolved call is not a good call, however high the QA', () => {
    const standings = tierStandings(LIB, [good('easy-a'), poor('easy-b', { qa: 95, compliant: false })]);
    expect(standings[1]!.open).toBe(false);
    expect(tierStandings(LIB, [good('easy-a'), poor('easy-b', { qa: 95, fcr: 'no' })])[1]!.open).toBe(false);
    expect(tierStandings(LIB, [good('easy-a'), poor('easy-b', { qa: 95, fcr: 'excluded' })])[1]!.open).toBe(true);
  });

  it('a trainer can open every tier', () => {
    expect(tierStandings(LIB, [], true).every((s) => s.open)).toBe(true);
  });

  it('the menu order is by tier, then difficulty', () => {
    expect(careerOrder([LIB[4]!, LIB[2]!, LIB[1]!, LIB[0]!]).map((s) => s.id)).toEqual(['easy-a', 'easy-b', 'mid-a', 'hard-a']);
  });
});

describe('badges, streaks and personal bests', () => {
  it('a badge needs three good calls in a row in that skill; a poor one starts again', () => {
    const history = [good('easy-a'), good('mid-b'), poor('easy-a'), good('easy-a'), good('mid-b')];
    const idv = badgeProgress(LIB, history).find((b) => b.skill === 'idv-gdpr')!;
    expect(idv).toMatchObject({ earned: false, run: 2 });
    const earned = badgeProgress(LIB, [...history, good('easy-a')]).find((b) => b.skill === 'idv-gdpr')!;
    expect(earned).toMatchObject({ earned: true, run: 3 });
    // Calls in other skills do not break the run.
    const other = badgeProgress(LIB, [good('easy-a'), poor('easy-b'), good('mid-b'), good('easy-a')]).find((b) => b.skill === 'idv-gdpr')!;
    expect(other.earned).toBe(true);
  });

  it('the compliant streak counts calls without a fatal breach, up to the latest', () => {
    expect(compliantStreak([good('a'), good('b'), poor('c', { compliant: false }), good('d')])).toEqual({ current: 1, best: 2 });
  });

  it('a personal best is the highest QA, and a clean call beats a breached one', () => {
    const bests = personalBests([poor('x', { qa: 99, compliant: false }), poor('x', { qa: 70 }), poor('x', { qa: 60 })]);
    expect(bests.get('x')).toMatchObject({ qa: 70, compliant: true });
  });
});

describe('the next recommended call', () => {
  it('follows the plan’s goals among the open calls not yet handled well', () => {
    const standings = tierStandings(LIB, [good('easy-a'), good('easy-b')]);
    const next = recommendNext(LIB, [good('easy-a'), good('easy-b')], standings, ['listening-empathy']);
    expect(next?.scenario.id).toBe('mid-a');
    expect(next?.why).toContain('listening-empathy');
  });

  it('without goals, the easiest open call not yet handled well; none when all are done', () => {
    expect(recommendNext(LIB, [good('easy-a')], tierStandings(LIB, [good('easy-a')]), [])?.scenario.id).toBe('easy-b');
    const all = LIB.map((s) => good(s.id));
    expect(recommendNext(LIB, all, tierStandings(LIB, all), [])).toBeNull();
  });
});
