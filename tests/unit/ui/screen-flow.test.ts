import { describe, expect, it } from 'vitest';
import { startScreenFlow, type ScreenEvent } from '../../../src/ui/screen-flow.ts';

const walk = (...events: ScreenEvent['type'][]) => {
  const flow = startScreenFlow();
  const moved = events.map((type) => flow.go({ type } as ScreenEvent));
  return { flow, moved };
};

describe('the screen flow', () => {
  it('takes a call from the menu through rating and results and back', () => {
    const { flow, moved } = walk('library.ready', 'call.start', 'call.over', 'rating.done', 'reflect', 'menu');
    expect(moved.every(Boolean)).toBe(true);
    expect(flow.current()).toBe('menu');
  });

  it('shows nothing before the library is ready', () => {
    const { flow, moved } = walk('call.start', 'plan.open');
    expect(moved).toEqual([false, false]);
    expect(flow.current()).toBe('loading');
  });

  it('never lets a call that ends late pull the rating screen over the plan the trainee opened', () => {
    const { flow, moved } = walk('library.ready', 'call.start', 'plan.open', 'call.over');
    expect(moved).toEqual([true, true, true, false]);
    expect(flow.current()).toBe('plan');
  });

  it('keeps the trainee on the self-rating until it is done (a dropped file does not start a call over it)', () => {
    const { flow, moved } = walk('library.ready', 'call.start', 'call.over', 'call.start', 'menu');
    expect(moved.slice(3)).toEqual([false, false]);
    expect(flow.current()).toBe('rate-yourself');
  });

  it('runs a shift: the wallboard between calls, and back to the menu', () => {
    const { flow, moved } = walk('library.ready', 'shift.show', 'call.start', 'call.over', 'rating.done', 'shift.show', 'menu');
    expect(moved.every(Boolean)).toBe(true);
    expect(flow.current()).toBe('menu');
  });
});
