/** Every sound the game plays, by key, with its file under public/assets/audio/. */
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

export const LOOPING: ReadonlySet<SoundKey> = new Set<SoundKey>(['ring', 'hold-music', 'ambience']);

export function soundUrl(key: SoundKey): string {
  return `${import.meta.env.BASE_URL}assets/audio/${key}.wav`;
}
