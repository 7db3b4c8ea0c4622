/** Port: the game's sounds behind a small interface (play, stop, mute, volume). The audio adapter implements it. */

/** Every sound the game plays, by key (the audio adapter maps each to its file). */
export const SOUND_KEYS = Object.freeze({
  ring: 'ring',
  holdMusic: 'hold-music',
  click: 'click',
  connected: 'connected',
  ended: 'ended',
  /** An open-plan office behind the call (optional, off by default). */
  ambience: 'ambience',
  /** The caller asking whether anyone is there (live pace). */
  prompt: 'prompt',
} as const);
export type SoundKey = (typeof SOUND_KEYS)[keyof typeof SOUND_KEYS];

export interface SoundBoard {
  play(key: SoundKey): void;
  stop(key: SoundKey): void;
  stopAll(): void;
  setMuted(muted: boolean): void;
  setVolume(volume: number): void;
  /** Office ambience on or off; while off, playing it does nothing. */
  setAmbience(on: boolean): void;
}

/** For pages and tests that run the game silently. */
export const SILENT: SoundBoard = Object.freeze({
  play: () => undefined,
  stop: () => undefined,
  stopAll: () => undefined,
  setMuted: () => undefined,
  setVolume: () => undefined,
  setAmbience: () => undefined,
});
