/**
 * Synthesises the game's sounds with plain math and writes them as 16-bit mono WAV files to
 * public/assets/audio/. Nothing is downloaded; the same script always writes the same files.
 * Run: npm run sounds
 *
 * - ring: the UK double ring (400 + 450 Hz, 0.4 s on, 0.2 s off, 0.4 s on, 2 s off), through a
 *   small phone speaker: soft saturation and a band limit, so it buzzes like a handset, not a sine.
 * - hold-music: an eight-bar tune (I–vi–IV–V) on a plucked string (Karplus–Strong), with bass and
 *   a quiet pad, band-limited to the 300–3400 Hz of a phone line. Loops cleanly.
 * - ambience: an open-plan office: low room rumble, a murmur of voices, distant keyboards.
 * - click, connected, ended, prompt: short interface sounds.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RATE = 16_000;
const OUT = join(import.meta.dirname, '..', 'public', 'assets', 'audio');
const TAU = 2 * Math.PI;

/** A small seeded generator, so the noise (and so the files) are the same on every run. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x100000000;
  };
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

const buffer = (seconds: number) => new Float32Array(Math.round(seconds * RATE));
const sine = (f: number, t: number) => Math.sin(TAU * f * t);
/** A short fade at both ends so nothing clicks. */
const envelope = (t: number, length: number, fade = 0.01) => Math.max(0, Math.min(1, t / fade, (length - t) / fade));

/** One-pole low-pass and high-pass filters, in place. */
function lowPass(x: Float32Array, cutoff: number): Float32Array {
  const a = 1 - Math.exp((-TAU * cutoff) / RATE);
  let y = 0;
  for (let i = 0; i < x.length; i += 1) x[i] = y += a * (x[i]! - y);
  return x;
}
function highPass(x: Float32Array, cutoff: number): Float32Array {
  const a = Math.exp((-TAU * cutoff) / RATE);
  let prevX = 0;
  let y = 0;
  for (let i = 0; i < x.length; i += 1) {
    const v = x[i]!;
    y = a * (y + v - prevX);
    prevX = v;
    x[i] = y;
  }
  return x;
}
/** The band of a telephone line. */
const phoneLine = (x: Float32Array) => lowPass(lowPass(highPass(highPass(x, 300), 300), 3400), 3400);

function normalise(x: Float32Array, peak: number): Float32Array {
  let max = 0;
  for (const v of x) max = Math.max(max, Math.abs(v));
  if (max > 0) for (let i = 0; i < x.length; i += 1) x[i] = (x[i]! / max) * peak;
  return x;
}

/** Fades the end into the start, so a looping sound has no seam. */
function loopSeam(x: Float32Array, seconds: number): Float32Array {
  const n = Math.round(seconds * RATE);
  for (let i = 0; i < n; i += 1) {
    const w = i / n;
    x[i] = x[i]! * w + x[x.length - n + i]! * (1 - w);
  }
  return x.slice(0, x.length - n);
}

function ring(): Float32Array {
  const x = buffer(3);
  for (let i = 0; i < x.length; i += 1) {
    const t = i / RATE;
    const on = t < 0.4 || (t >= 0.6 && t < 1.0);
    if (!on) continue;
    const local = t < 0.4 ? t : t - 0.6;
    // The two tones, a little of their second harmonic, and the soft clipping of a small speaker.
    const tone = sine(400, t) + sine(450, t) + 0.25 * (sine(800, t) + sine(900, t));
    x[i] = Math.tanh(1.8 * tone) * envelope(local, 0.4, 0.015);
  }
  return normalise(lowPass(highPass(x, 250), 3000), 0.6);
}

/** A plucked string (Karplus–Strong): a burst of noise through a tuned, slightly lossy delay. */
function pluck(out: Float32Array, start: number, freq: number, seconds: number, gain: number, random: () => number): void {
  const period = Math.max(2, Math.round(RATE / freq));
  const line = Float32Array.from({ length: period }, () => random() * 2 - 1);
  const first = Math.round(start * RATE);
  const n = Math.round(seconds * RATE);
  for (let i = 0; i < n && first + i < out.length; i += 1) {
    const k = i % period;
    const next = line[(k + 1) % period]!;
    const value = line[k]!;
    line[k] = 0.996 * 0.5 * (value + next);
    out[first + i] = out[first + i]! + gain * value * envelope(i / RATE, seconds, 0.004);
  }
}

const NOTE = (semitones: number) => 261.63 * 2 ** (semitones / 12);

function holdMusic(): Float32Array {
  const beat = 0.3;
  const bars = 8;
  const x = buffer(bars * 4 * beat + 0.5);
  const random = seeded(7);
  // C – Am – F – G, twice; a melody in eighths over it; roots in the bass on each beat.
  const chords = [[0, 4, 7], [-3, 0, 4], [-7, -3, 0], [-5, -1, 2]];
  const melody = [
    [7, 4, 7, 9, 7, 4, 2, 4], [4, 0, 4, 7, 9, 7, 4, 0], [5, 9, 12, 9, 5, 4, 5, 9], [7, 11, 14, 11, 7, 5, 2, -1],
    [7, 4, 7, 12, 11, 7, 4, 7], [9, 4, 0, 4, 9, 12, 9, 4], [5, 9, 5, 0, 2, 5, 9, 12], [11, 7, 2, 7, 11, 14, 12, 7],
  ];
  for (let bar = 0; bar < bars; bar += 1) {
    const chord = chords[bar % 4]!;
    const tune = melody[bar % 8]!;
    const t0 = bar * 4 * beat;
    tune.forEach((n, i) => pluck(x, t0 + (i * beat) / 2, NOTE(n + 12), 0.9, 0.35, random));
    for (let b = 0; b < 4; b += 1) pluck(x, t0 + b * beat, NOTE(chord[0]! - 12), 1.2, 0.45, random);
    chord.forEach((n) => {
      const f = NOTE(n);
      for (let i = 0; i < Math.round(4 * beat * RATE); i += 1) {
        const j = Math.round(t0 * RATE) + i;
        if (j >= x.length) break;
        const t = i / RATE;
        x[j] = x[j]! + 0.05 * (sine(f, t) + 0.3 * sine(2 * f, t)) * envelope(t, 4 * beat, 0.08);
      }
    });
  }
  return normalise(loopSeam(phoneLine(x), 0.5), 0.5);
}

function ambience(): Float32Array {
  const seconds = 10.5;
  const random = seeded(11);
  const rumble = lowPass(lowPass(Float32Array.from(buffer(seconds), () => random() * 2 - 1), 120), 120);
  const murmur = lowPass(highPass(Float32Array.from(buffer(seconds), () => random() * 2 - 1), 250), 900);
  const x = buffer(seconds);
  for (let i = 0; i < x.length; i += 1) {
    const t = i / RATE;
    // Voices come and go: the murmur swells on a few slow, unrelated rhythms.
    const swell = 0.5 + 0.25 * sine(0.23, t) + 0.15 * sine(0.61, t + 0.3) + 0.1 * sine(1.7, t);
    x[i] = 2.5 * rumble[i]! + 0.6 * murmur[i]! * swell;
  }
  // Keyboards across the room: bursts of short clicks.
  for (let burst = 0; burst < 9; burst += 1) {
    const start = random() * (seconds - 2);
    const keys = 4 + Math.floor(random() * 10);
    for (let k = 0; k < keys; k += 1) {
      const at = Math.round((start + k * (0.09 + random() * 0.12)) * RATE);
      for (let i = 0; i < 160 && at + i < x.length; i += 1) x[at + i] = x[at + i]! + 0.25 * (random() * 2 - 1) * Math.exp(-i / 25);
    }
  }
  return normalise(loopSeam(x, 0.5), 0.35);
}

function tones(parts: readonly [freq: number, seconds: number][], gain = 0.4): Float32Array {
  const total = parts.reduce((s, [, d]) => s + d, 0);
  const x = buffer(total);
  let offset = 0;
  for (const [f, d] of parts) {
    const first = Math.round(offset * RATE);
    for (let i = 0; i < Math.round(d * RATE); i += 1) {
      const t = i / RATE;
      // A soft bell: the tone, its octave fading faster, and a gentle decay.
      x[first + i] = gain * (sine(f, t) + 0.3 * sine(2 * f, t) * Math.exp(-t * 12)) * Math.exp(-t * 4) * envelope(t, d, 0.005);
    }
    offset += d;
  }
  return x;
}

function click(): Float32Array {
  const random = seeded(3);
  const x = buffer(0.035);
  for (let i = 0; i < x.length; i += 1) {
    const t = i / RATE;
    x[i] = (0.5 * sine(2200, t) + 0.3 * (random() * 2 - 1)) * Math.exp(-t * 180);
  }
  return highPass(x, 800);
}

export const SOUNDS: Readonly<Record<string, () => Float32Array>> = Object.freeze({
  ring,
  'hold-music': holdMusic,
  ambience,
  click,
  connected: () => tones([[660, 0.12], [880, 0.2]]),
  ended: () => tones([[620, 0.15], [410, 0.3]]),
  /** The caller's "are you still there?": two quick low knocks. */
  prompt: () => tones([[330, 0.1], [330, 0.18]], 0.5),
});

mkdirSync(OUT, { recursive: true });
for (const [name, make] of Object.entries(SOUNDS)) {
  const file = join(OUT, `${name}.wav`);
  const bytes = wav(make());
  writeFileSync(file, bytes);
  console.log(`wrote ${file} (${Math.round(bytes.length / 1024)} KB)`);
}
