/**
 * Reads the customer's lines aloud with the browser's speech synthesis, when the trainee asks for it,
 * in the caller's own voice: pitch and rate from the persona, and an English voice picked from those
 * the browser offers (by the persona's preference where voice names say it). Captions stay on screen.
 */
import type { Persona } from '../core/persona/persona.ts';
import { pickVoice } from './voice-choice.ts';

export function speak(text: string, persona?: Persona): void {
  if (!('speechSynthesis' in window)) return;
  window.speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = 'en-GB';
  if (persona !== undefined) {
    utterance.pitch = persona.voice.pitch;
    utterance.rate = persona.voice.rate;
    const voice = pickVoice(window.speechSynthesis.getVoices(), persona.voice);
    if (voice !== null) {
      utterance.voice = voice;
      utterance.lang = voice.lang;
    }
  }
  window.speechSynthesis.speak(utterance);
}
