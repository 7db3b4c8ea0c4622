/**
 * The sounds port without Howler in the first load: the real sound board (and Howler with it)
 * loads on the first sound; mute and volume set before then are passed on when it arrives.
 */
import type { SoundBoard, SoundKey } from '../core/ports/sounds.ts';

export function lazySoundBoard(initial: { muted: boolean; volume: number; ambience?: boolean }): SoundBoard {
  let settings = { ...initial };
  let board: SoundBoard | null = null;
  let loading: Promise<SoundBoard> | null = null;
  const load = (): Promise<SoundBoard> => (loading ??= import('./sound-board.ts').then(({ createSoundBoard }) => {
    board = createSoundBoard(settings);
    return board;
  }));
  const withBoard = (use: (b: SoundBoard) => void): void => {
    if (board !== null) use(board);
    else void load().then(use).catch(() => undefined);
  };
  return {
    play: (key: SoundKey) => withBoard((b) => b.play(key)),
    stop: (key: SoundKey) => { if (board !== null) board.stop(key); else if (loading !== null) withBoard((b) => b.stop(key)); },
    stopAll: () => { if (board !== null) board.stopAll(); },
    setMuted: (muted) => { settings = { ...settings, muted }; board?.setMuted(muted); },
    setVolume: (volume) => { settings = { ...settings, volume }; board?.setVolume(volume); },
    setAmbience: (ambience) => { settings = { ...settings, ambience }; board?.setAmbience(ambience); },
  };
}
