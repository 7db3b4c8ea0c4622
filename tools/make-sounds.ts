/**
 * Synthesises the game's sounds with plain math and writes them as 16-bit mono WAV files to
 * public/assets/audio/. Nothing is downloaded. Run: npx tsx tools/make-sounds.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RATE = 16_000;
const OUT = join(import.meta.dirname, '..', 'public', 'assets', 'audio');

type Signal = (t: number) => number;

function render(seconds: number, signal: Signal): Float32Array {
  const samples = new Float32Array(Math.round(seconds * RATE));
  for (let i = 0; i < samples.length; i += 1) samples[i] = signal(i / RATE);
  return samples;
}

function wav(samples: Float32Array): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) => data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, s)) * 32767), i * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

const sine = (f: number, t: number) => Math.sin(2 * Math.PI * f * t);
/** A short fade at both ends so no sound clicks. */
const envelope = (t: number, length: number, fade = 0.01) => Math.min(1, t / fade, (length - t) / fade);

/** UK double ring: 400+450 Hz, 0.4 s on, 0.2 s off, 0.4 s on, 2 s off. */
const ring: Signal = (t) => {
  const on = (t < 0.4) || (t >= 0.6 && t < 1.0);
  if (!on) return 0;
  const local = t < 0.4 ? t : t - 0.6;
  return 0.35 * (sine(400, t) + sine(450, t)) * envelope(local, 0.4);
};

/** A calm arpeggio over a soft pad, eight seconds, loops cleanly. */
const holdMusic: Signal = (t) => {
  const notes = [261.63, 329.63, 392.0, 493.88, 440.0, 392.0, 329.63, 293.66];
  const step = 0.5;
  const n = Math.floor(t / step) % notes.length;
  const local = t % step;
  const pluck = 0.22 * sine(notes[n]!, t) * Math.exp(-local * 5) * envelope(local, step);
  const pad = 0.06 * (sine(130.81, t) + sine(196.0, t)) * (0.8 + 0.2 * sine(0.25, t));
  return pluck + pad * envelope(t, 8, 0.2);
};

const click: Signal = (t) => 0.5 * sine(1800, t) * Math.exp(-t * 120) * envelope(t, 0.04, 0.002);

/** Two rising tones: the line is open. */
const connected: Signal = (t) => (t < 0.12 ? 0.4 * sine(660, t) * envelope(t, 0.12) : 0.4 * sine(880, t) * envelope(t - 0.12, 0.16));

/** Two falling tones then the line drops. */
const ended: Signal = (t) => (t < 0.15 ? 0.4 * sine(620, t) * envelope(t, 0.15) : 0.4 * sine(410, t) * envelope(t - 0.15, 0.25));

export const SOUNDS = Object.freeze({
  ring: { seconds: 3.0, signal: ring },
  'hold-music': { seconds: 8.0, signal: holdMusic },
  click: { seconds: 0.04, signal: click },
  connected: { seconds: 0.28, signal: connected },
  ended: { seconds: 0.4, signal: ended },
});

mkdirSync(OUT, { recursive: true });
for (const [name, { seconds, signal }] of Object.entries(SOUNDS)) {
  const file = join(OUT, `${name}.wav`);
  writeFileSync(file, wav(render(seconds, signal)));
  console.log(`wrote ${file}`);
}
