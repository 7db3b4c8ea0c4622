/**
 * The curated behaviours a goal can name: one short list per QA section, written in the first
 * person, each an action a call monitor could hear on any call (never tied to one scenario's
 * customer or problem). Suggested goals take their behaviour from here; the trainee may rewrite it.
 */
import type { QaSectionKey } from '../model/qa-sections.ts';
import type { AreaKey } from './areas.ts';

export interface SectionBehaviours {
  /** The self-rating area whose goals this section's behaviours serve. */
  readonly area: AreaKey;
  /** The first is the default; the rest are offered as alternatives. */
  readonly behaviours: readonly [string, ...string[]];
  /** Words in a trainee's note or a piece of feedback that point at this section. */
  readonly cues: readonly string[];
}

export const SECTION_BEHAVIOURS = Object.freeze({
  opening: {
    area: 'listening-empathy',
    behaviours: [
      'I greet the caller, give my name and the company, and ask how I can help',
      'I use the caller’s name once I know it',
    ],
    cues: ['greet', 'greeting', 'opening', 'introduce', 'introduction', 'name'],
  },
  idv: {
    area: 'idv-data',
    behaviours: [
      'I ask every ID&V question and check each answer before I say anything about the account',
      'I refuse politely and explain the route when the caller cannot pass ID&V',
    ],
    cues: ['id&v', 'idv', 'verify', 'verification', 'security', 'identity', 'data protection', 'gdpr', 'third party'],
  },
  discovery: {
    area: 'listening-empathy',
    behaviours: [
      'I ask at least one open question and summarise the need back before I offer a fix',
      'I let the caller finish before I reply, then confirm I have understood',
    ],
    cues: ['question', 'questioning', 'listen', 'listening', 'interrupt', 'understand', 'need', 'discovery'],
  },
  empathy: {
    area: 'listening-empathy',
    behaviours: [
      'I acknowledge how the caller feels, in my own words, before I move to the fix',
      'I apologise once for the trouble and say what I will do about it',
    ],
    cues: ['empathy', 'empathise', 'feel', 'feelings', 'upset', 'angry', 'calm', 'apologise', 'apology', 'tone', 'rapport'],
  },
  resolution: {
    area: 'resolution',
    behaviours: [
      'I confirm the caller’s need is met and tell them what happens next before I close',
      'I check the account facts before I promise an outcome',
    ],
    cues: ['resolve', 'resolution', 'fix', 'solve', 'first time', 'fcr', 'accurate', 'accuracy', 'promise'],
  },
  compliance: {
    area: 'compliance',
    behaviours: [
      'I give every required statement in full before the call ends',
      'I read the required disclosure word for word at the point the process needs it',
    ],
    cues: ['compliance', 'statement', 'disclosure', 'script', 'regulation', 'recording', 'consent', 'terms'],
  },
  'hold-transfer': {
    area: 'control-time',
    behaviours: [
      'I ask before I put the caller on hold, say why, and check back at least once a minute',
      'I brief the next person fully before I complete a warm transfer',
    ],
    cues: ['hold', 'transfer', 'check back', 'silence', 'wait', 'waiting'],
  },
  closing: {
    area: 'control-time',
    behaviours: [
      'I recap what was agreed and the next steps before I close the call',
      'I ask if there is anything else and thank the caller before I close',
    ],
    cues: ['close', 'closing', 'recap', 'summarise', 'summary', 'end the call', 'wrap'],
  },
  notes: {
    area: 'resolution',
    behaviours: [
      'I write notes a colleague could act on and choose the disposition that matches the outcome',
    ],
    cues: ['notes', 'note', 'disposition', 'log', 'record', 'crm'],
  },
} as const satisfies Record<QaSectionKey, SectionBehaviours>);

/** The sections whose goals serve an area, in QA order. */
export const sectionsOfArea = (area: AreaKey): QaSectionKey[] =>
  (Object.keys(SECTION_BEHAVIOURS) as QaSectionKey[]).filter((s) => SECTION_BEHAVIOURS[s].area === area);

/** Behaviours for handle time, which no single QA section measures. */
export const HANDLE_TIME_BEHAVIOURS = Object.freeze([
  'I keep to one topic at a time and summarise the plan before I start on the fix',
  'I use the knowledge base while the caller is talking instead of putting them on hold',
] as const);

/** The QA sections a free-text note points at, best match first (by how many of its cues it uses). */
export function sectionsNamedIn(text: string): QaSectionKey[] {
  const lower = ` ${text.toLowerCase().replace(/[^a-z&' ]+/g, ' ').replace(/\s+/g, ' ')} `;
  const hits = (Object.keys(SECTION_BEHAVIOURS) as QaSectionKey[])
    .map((section) => ({ section, count: SECTION_BEHAVIOURS[section].cues.filter((cue) => lower.includes(` ${cue} `) || lower.includes(` ${cue}s `)).length }))
    .filter((h) => h.count > 0);
  hits.sort((a, b) => b.count - a.count);
  return hits.map((h) => h.section);
}
