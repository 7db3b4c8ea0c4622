/** Every sound the game plays has its file under public/assets/audio/ (the keys are the sounds port's). */
import { SOUND_KEYS, type SoundKey } from '../core/ports/sounds.ts';

export { SOUND_KEYS, type SoundKey };

export const LOOPING: ReadonlySet<SoundKey> = new Set<SoundKey>(['ring', 'hold-music', 'ambience']);

export function soundUrl(key: SoundKey): string {
  return `${import.meta.env.BASE_URL}assets/audio/${key}.wav`;
}
