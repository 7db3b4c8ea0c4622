import { describe, expect, it } from 'vitest';
import { seenAfter } from '../../../tools/bench/projector-seen.ts';

describe('when the instances bench counts a result as seen by a projector', () => {
  const boards = [
    { seq: 3, at: 100 },
    { seq: 4, at: 180 },
    { seq: 6, at: 2_500 },
  ];

  it('takes the first board counting k results after the acknowledgement', () => {
    expect(seenAfter(boards, 5, 300)).toEqual({ delay: 2_200, at: 2_500, early: false });
  });

  it('counts a board that came before the acknowledgement as no delay, not the next board', () => {
    // The fourth result was on this projector at 180; its trainee heard back at 200.
    expect(seenAfter(boards, 4, 200)).toEqual({ delay: 0, at: 180, early: true });
  });

  it('says never when no board counted that many results', () => {
    expect(seenAfter(boards, 7, 0)).toBeNull();
  });
});
