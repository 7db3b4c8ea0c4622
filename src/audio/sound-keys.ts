/** Every sound the game plays, by key, with its file under public/assets/audio/. */
export const SOUND_KEYS = Object.freeze({
  ring: 'ring',
  holdMusic: 'hold-music',
  click: 'click',
  connected: 'connected',
  ended: 'ended',
} as const);
export type SoundKey = (typeof SOUND_KEYS)[keyof typeof SOUND_KEYS];

export const LOOPING: ReadonlySet<SoundKey> = new Set<SoundKey>(['ring', 'hold-music']);

export function soundUrl(key: SoundKey): string {
  return `${import.meta.env.BASE_URL}assets/audio/${key}.wav`;
}
