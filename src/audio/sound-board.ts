/** The game's sounds behind a small interface: play, stop, mute and volume. Howler does the work. */
import { Howl, Howler } from 'howler';
import type { SoundBoard } from '../core/ports/sounds.ts';
import { LOOPING, SOUND_KEYS, soundUrl, type SoundKey } from './sound-keys.ts';

export type { SoundBoard };

export function createSoundBoard(initial: { muted: boolean; volume: number; ambience?: boolean }): SoundBoard {
  let ambience = initial.ambience === true;
  let ambienceWanted = false;
  const howls = new Map<SoundKey, Howl>();
  const howl = (key: SoundKey): Howl => {
    let found = howls.get(key);
    if (found === undefined) {
      found = new Howl({ src: [soundUrl(key)], loop: LOOPING.has(key), preload: true, html5: false });
      howls.set(key, found);
    }
    return found;
  };
  Howler.mute(initial.muted);
  Howler.volume(initial.volume);
  return {
    play(key) {
      if (key === 'ambience') {
        ambienceWanted = true;
        if (!ambience) return;
      }
      const h = howl(key);
      if (LOOPING.has(key) && h.playing()) return;
      h.play();
    },
    stop(key) {
      if (key === 'ambience') ambienceWanted = false;
      howls.get(key)?.stop();
    },
    stopAll() {
      ambienceWanted = false;
      for (const key of Object.values(SOUND_KEYS)) howls.get(key)?.stop();
    },
    setMuted(muted) {
      Howler.mute(muted);
    },
    setVolume(volume) {
      Howler.volume(volume);
    },
    setAmbience(on) {
      ambience = on;
      if (!on) howls.get('ambience')?.stop();
      else if (ambienceWanted) this.play('ambience');
    },
  };
}
