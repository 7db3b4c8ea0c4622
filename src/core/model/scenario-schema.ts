/**
 * The scenario file format, version 2: one customer call per file. This zod schema is the single
 * source of the scenario types and of `scenarios/scenario.schema.json` (for trainers' editors).
 * Cross-references (node ids, QA item ids, CRM keys) are checked by the scenario pipeline.
 */
import { z } from 'zod';
import { SKILL_KEYS } from './skills.ts';
import { QA_SECTION_KEYS } from './qa-sections.ts';
import { DECLARABLE_BREACHES } from './breaches.ts';
import { OUTCOME_KEYS } from './outcomes.ts';
import { CURRICULUM_KEYS } from './curriculum.ts';

export const FORMAT_VERSION = 2;

const text = (description: string) => z.string().trim().min(1).meta({ description });
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens, e.g. "greet-customer"')
  .max(60);
const Key = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'use letters and digits only, e.g. "postcode" or "dateOfBirth"');

export const MoodSchema = z.number().int().min(-5).max(5);
export const PatienceSchema = z.number().int().min(0).max(100);

/** A condition that must hold for a choice to be offered. All listed parts must hold. */
export const ConditionSchema = z
  .strictObject({
    flags: z.array(IdSchema).optional().meta({ description: 'Flags that must be set.' }),
    notFlags: z.array(IdSchema).optional().meta({ description: 'Flags that must not be set.' }),
    idv: z
      .enum(['passed', 'failed', 'not-done'])
      .optional()
      .meta({ description: 'The ID&V verdict the trainee gave so far.' }),
  })
  .meta({ description: 'Offer the choice only when all of these hold.' });

/** What a step does to the call. Written inline on choices and on action steps. */
export const effectFields = {
  mood: z
    .number()
    .int()
    .min(-5)
    .max(5)
    .optional()
    .meta({ description: 'Change to the customer\'s mood (-5 furious … +5 delighted).' }),
  patience: z
    .number()
    .int()
    .min(-100)
    .max(100)
    .optional()
    .meta({ description: 'Change to the customer\'s patience (0-100). At 0 they hang up.' }),
  set: z.array(IdSchema).optional().meta({ description: 'Flags to set, e.g. complaint-logged.' }),
  clear: z.array(IdSchema).optional().meta({ description: 'Flags to clear.' }),
  qa: z
    .strictObject({
      met: z.array(IdSchema).optional(),
      partial: z.array(IdSchema).optional(),
      missed: z.array(IdSchema).optional(),
    })
    .optional()
    .meta({ description: 'QA items this step meets, part-meets or misses (ids from qa.items).' }),
  discloses: z
    .array(Key)
    .optional()
    .meta({
      description:
        'CRM fields whose values this step says to the caller. Before ID&V has truly passed this is a fatal breach.',
    }),
  breach: z
    .array(z.enum(DECLARABLE_BREACHES))
    .optional()
    .meta({ description: 'Fatal compliance breaches this step commits (only on a declared trap).' }),
} as const;

const trapField = z
  .string()
  .trim()
  .min(1)
  .optional()
  .meta({
    description:
      'Declares a deliberately wrong choice and says why it is wrong. Shown to the trainee after the call.',
  });
const whyField = z
  .string()
  .trim()
  .min(1)
  .optional()
  .meta({ description: 'Why this is good practice. Shown to the trainee after the call.' });
const secondsField = (description: string) =>
  z.number().int().min(0).max(1800).optional().meta({ description });

export const ChoiceSchema = z.strictObject({
  say: text('What the agent says (or does, in brackets).'),
  pin: z
    .enum(['first', 'last'])
    .optional()
    .meta({ description: 'Keep this choice first or last on screen. Choices are otherwise shown in a seeded order.' }),
  seconds: secondsField('Simulated seconds this takes. Default: worked out from the words.'),
  when: ConditionSchema.optional(),
  next: IdSchema.meta({ description: 'The step that follows.' }),
  trap: trapField,
  why: whyField,
  ...effectFields,
});

const customerLine = z
  .string()
  .trim()
  .min(1)
  .optional()
  .meta({ description: 'What the customer (or the colleague) says as this step begins.' });
const narration = z
  .string()
  .trim()
  .min(1)
  .optional()
  .meta({ description: 'A stage direction shown in italics, e.g. "(a baby is crying)".' });

export const TalkNodeSchema = z.strictObject({
  type: z.literal('talk').optional().meta({ description: 'A turn of conversation (the default).' }),
  customer: customerLine,
  narration,
  choices: z.array(ChoiceSchema).min(1).max(9).meta({ description: 'The agent\'s options (1-9).' }),
});

export const IdvAnswerSchema = z.union([
  z.string().meta({ description: 'The answer as the caller gives it; it matches when equal to the record ignoring capitals and spaces.' }),
  z.strictObject({
    said: z.string().trim().min(1).meta({ description: 'The answer in the caller\'s words, e.g. "fourteenth of March, ninety-eight".' }),
    matches: z.boolean().meta({ description: 'Whether this answer matches the record.' }),
  }),
]);

export const IdvNodeSchema = z.strictObject({
  type: z.literal('idv'),
  customer: customerLine,
  narration,
  answers: z
    .record(Key, IdvAnswerSchema)
    .meta({
      description:
        'What the caller answers to each question the agent may ask (keys from idv.ask and idv.extra). Leave a key out if they cannot answer. Wrong answers are allowed, and should be close: the trainee must spot them.',
    }),
  seconds: secondsField('Simulated seconds each question takes. Default: 15.'),
  pass: IdSchema.meta({ description: 'The step after the trainee passes the caller.' }),
  fail: IdSchema.meta({ description: 'The step after the trainee fails the caller.' }),
});

const actionBase = {
  customer: customerLine,
  narration,
  next: IdSchema.meta({ description: 'The step that follows.' }),
  why: whyField,
  ...effectFields,
} as const;

export const HoldNodeSchema = z.strictObject({
  type: z.literal('hold'),
  checkBack: z
    .array(z.string().trim().min(1))
    .optional()
    .meta({ description: 'What the customer says when the agent checks back, in turn (the last one repeats).' }),
  reason: text('What the agent does while the customer is on hold.'),
  seconds: z.number().int().min(10).max(1800).meta({ description: 'How long the work on hold takes.' }),
  ...actionBase,
});

const wrongRoute = z
  .strictObject({
    next: IdSchema.optional().meta({ description: 'The step after a wrong answer (default: the same as `next`).' }),
    trap: z.string().trim().min(1).optional().meta({ description: 'Why the wrong answer is wrong. Shown after the call.' }),
    ...effectFields,
  })
  .meta({ description: 'What a wrong article or a wrong team leads to.' });

export const LookupNodeSchema = z.strictObject({
  type: z.literal('lookup'),
  task: text('What the agent has to find out, shown in the knowledge base, e.g. "Find how long a refund takes".'),
  right: z.array(IdSchema).min(1).meta({ description: 'The article(s) whose answer is right here (ids from kb/articles or the call\'s own kb).' }),
  wrong: wrongRoute.optional(),
  ...actionBase,
});

export const HandoverSchema = z.strictObject({
  say: text('A handover summary the agent could give the colleague.'),
  right: z.boolean().optional().meta({ description: 'Mark the right summary (or summaries).' }),
});

const routing = {
  to: z.array(IdSchema).min(1).meta({ description: 'The right team(s): ids from kb/directory.yaml or the call\'s own directory.' }),
  mode: z.enum(['warm', 'cold']).optional().meta({ description: 'The right way to hand over: warm (the default: brief the colleague first) or cold.' }),
  handover: z
    .array(HandoverSchema)
    .min(2)
    .max(6)
    .optional()
    .meta({ description: 'Handover summaries for a warm transfer, shown in a seeded order; mark the right one(s).' }),
  wrong: wrongRoute.optional(),
  seconds: secondsField('Simulated seconds. Default 30 (warm) or 5 (cold).'),
} as const;

export const TransferNodeSchema = z.strictObject({
  type: z.literal('transfer'),
  ...routing,
  ...actionBase,
});

export const EscalateNodeSchema = z.strictObject({
  type: z.literal('escalate'),
  available: z.boolean().meta({ description: 'Whether that person can take the call now.' }),
  ...routing,
  ...actionBase,
});

export const CallbackNodeSchema = z.strictObject({
  type: z.literal('callback'),
  who: text('Who will call back.'),
  when: text('When, as promised to the customer, e.g. "by 4pm today".'),
  seconds: secondsField('Simulated seconds. Default 20.'),
  ...actionBase,
});

export const DispositionSchema = z.strictObject({
  code: IdSchema,
  label: text('The disposition as it appears in the wrap-up list.'),
  correct: z.boolean().optional().meta({ description: 'Mark the right disposition(s) for this ending.' }),
});

export const EndingNodeSchema = z.strictObject({
  type: z.literal('ending'),
  outcome: z.enum(OUTCOME_KEYS),
  customer: customerLine,
  narration,
  summary: text('One sentence for the results screen: what happened on this call.'),
  comment: z
    .string()
    .trim()
    .min(1)
    .optional()
    .meta({ description: 'The customer\'s own comment in the satisfaction survey.' }),
  wrapup: z
    .strictObject({
      dispositions: z.array(DispositionSchema).min(2).max(8),
      notesMustMention: z
        .array(z.array(z.string().trim().min(1)).min(1))
        .optional()
        .meta({
          description:
            'Facts good notes record: each entry is a list of words, any one of which counts.',
        }),
    })
    .meta({ description: 'After-call work: disposition codes and what the notes should say.' }),
  ...effectFields,
});

export const NodeSchemas = {
  talk: TalkNodeSchema,
  idv: IdvNodeSchema,
  hold: HoldNodeSchema,
  lookup: LookupNodeSchema,
  transfer: TransferNodeSchema,
  escalate: EscalateNodeSchema,
  callback: CallbackNodeSchema,
  ending: EndingNodeSchema,
} as const;
export type NodeType = keyof typeof NodeSchemas;
export const NODE_TYPES = Object.freeze(Object.keys(NodeSchemas) as NodeType[]);

export const NodeSchema = z.union([
  TalkNodeSchema,
  IdvNodeSchema,
  HoldNodeSchema,
  LookupNodeSchema,
  TransferNodeSchema,
  EscalateNodeSchema,
  CallbackNodeSchema,
  EndingNodeSchema,
]);

export const QaItemSchema = z.strictObject({
  id: IdSchema,
  section: z.enum(QA_SECTION_KEYS),
  text: text('What the assessor looks for, e.g. "Apologises for the impact".'),
  critical: z
    .boolean()
    .optional()
    .meta({ description: 'A critical item: missing it caps the call\'s QA score at 60.' }),
  whenUntouched: z
    .enum(['missed', 'na'])
    .optional()
    .meta({
      description:
        'How the item scores if no step on the path marks it: "missed" (default) or "na" (not applicable).',
    }),
});

/** The date a rule of law or policy was last checked against its source. */
const AsOfSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write the date as YYYY-MM-DD, e.g. "2026-06-19"');

export const ArticleSchema = z.strictObject({
  id: IdSchema,
  title: text('The article\'s title.'),
  body: text('What the article says.'),
  keywords: z.array(z.string().trim().min(1)).optional().meta({ description: 'Extra words a search finds it by.' }),
  source: text('Where the rule comes from: a procedure, or a law or regulator\'s rule with its section.'),
  asOf: AsOfSchema.meta({ description: 'The date the rule was last checked against its source (YYYY-MM-DD).' }),
});

export const TeamSchema = z.strictObject({
  id: IdSchema,
  name: text('The team as the directory shows it.'),
  handles: text('What the team deals with.'),
  hours: text('When the team takes calls.'),
});

/** People who may act for a customer once their authority is checked. */
export const ACTING_ROLES = ['attorney', 'executor', 'authorised-contact', 'consenting-third-party'] as const;
export const CALLER_ROLES = ['holder', 'third-party', ...ACTING_ROLES] as const;
export type CallerRole = (typeof CALLER_ROLES)[number];

export const AuthoritySchema = z
  .strictObject({
    checks: text('What the agent must check before acting for the customer, e.g. "the LPA is registered: check it with the Office of the Public Guardian\'s service".'),
    checkedFlag: IdSchema.optional().meta({ description: 'The flag a step sets when the authority has been checked. Default: authority-checked.' }),
    scope: z
      .array(Key)
      .meta({ description: 'The CRM fields that may be discussed once the authority is checked (what the registered LPA, the grant, or the holder\'s consent covers).' }),
    source: text('Where the rule comes from, e.g. "Mental Capacity Act 2005; OPG guidance".'),
    asOf: AsOfSchema.meta({ description: 'When the rule was last checked against its source (YYYY-MM-DD).' }),
  })
  .meta({ description: 'For a caller who acts for the customer: what must be checked, and what may then be discussed.' });

export const CrmFieldSchema = z.strictObject({
  key: Key,
  label: text('How the CRM screen labels the field.'),
  value: z.string().meta({ description: 'The value on record.' }),
});

export const ScenarioSchema = z
  .strictObject({
    format: z.literal(FORMAT_VERSION).meta({ description: 'The scenario format version: 2.' }),
    id: IdSchema.meta({ description: 'A stable id, e.g. "billing-double-charge".' }),
    title: text('The title on the scenario card.'),
    summary: text('Two sentences for the scenario picker.'),
    skills: z.array(z.enum(SKILL_KEYS)).min(1),
    difficulty: z.number().int().min(1).max(5),
    direction: z.enum(['inbound', 'outbound']),
    outcomes: z
      .array(z.enum(CURRICULUM_KEYS))
      .min(1)
      .meta({ description: 'Learning outcomes (LO1-LO5) and assessment criteria (AC1-AC4) of the unit the call exercises (see src/core/model/curriculum.ts).' }),
    targets: z.strictObject({
      ahtSeconds: z.number().int().min(60).max(3600).meta({ description: 'Target handle time in seconds.' }),
      csat: z.number().int().min(1).max(5).optional(),
      qa: z.number().int().min(0).max(100).optional(),
      untimed: z
        .boolean()
        .optional()
        .meta({ description: 'A call where rushing is the fault (bereavement, vulnerability): no handle-time target; it is left out of handle-time figures and goals. `ahtSeconds` then only sets the clock\'s scale.' }),
    }),
    customer: z.strictObject({
      name: text('The caller\'s name as they give it.'),
      role: z
        .enum(CALLER_ROLES)
        .meta({
          description:
            'Who the caller is: the account holder; a third party with no authority; or someone who acts for the customer (attorney, executor, authorised-contact, consenting-third-party), who then needs `authority`.',
        }),
      authority: AuthoritySchema.optional(),
      relationship: z.string().trim().min(1).optional().meta({ description: 'For a third party: who they are.' }),
      mood: MoodSchema.meta({ description: 'Starting mood, -5 furious … +5 delighted.' }),
      patience: PatienceSchema.meta({ description: 'Starting patience, 0-100.' }),
      hangUpLine: z.string().trim().min(1).optional().meta({ description: 'What they say as they hang up.' }),
    }),
    crm: z.strictObject({
      fields: z.array(CrmFieldSchema).min(1),
      history: z
        .array(z.strictObject({ date: z.string(), text: z.string().trim().min(1) }))
        .optional(),
    }),
    idv: z
      .strictObject({
        ask: z.array(Key).min(1).meta({ description: 'CRM fields the caller must confirm before anything personal is said.' }),
        extra: z
          .array(Key)
          .optional()
          .meta({ description: 'Other CRM fields the agent may also ask about. Each question asked costs time.' }),
        overAsking: z
          .enum(['allowed', 'fault'])
          .optional()
          .meta({ description: '"fault": asking more than the policy needs is a QA miss. Default "allowed" (it only costs time).' }),
      })
      .optional()
      .meta({ description: 'The ID&V policy. Leave it out for calls that need no ID&V.' }),
    qa: z.strictObject({
      weights: z.partialRecord(z.enum(QA_SECTION_KEYS), z.number().min(0).max(100)).optional(),
      items: z.array(QaItemSchema).min(1),
    }),
    kb: z.array(ArticleSchema).optional().meta({ description: 'Knowledge-base articles of this call\'s own, besides the shared ones in kb/articles.' }),
    directory: z.array(TeamSchema).optional().meta({ description: 'Teams of this call\'s own, besides the shared directory in kb/directory.yaml.' }),
    start: IdSchema.meta({ description: 'The first step after the agent answers.' }),
    nodes: z.record(IdSchema, NodeSchema),
  })
  .meta({ title: 'Hold the Line scenario', description: 'One customer call for the Hold the Line trainer.' });

export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioNode = z.infer<typeof NodeSchema>;
export type Choice = z.infer<typeof ChoiceSchema>;
export type Condition = z.infer<typeof ConditionSchema>;
export type QaItem = z.infer<typeof QaItemSchema>;
export type TalkNode = z.infer<typeof TalkNodeSchema>;
export type IdvNode = z.infer<typeof IdvNodeSchema>;
export type HoldNode = z.infer<typeof HoldNodeSchema>;
export type EndingNode = z.infer<typeof EndingNodeSchema>;
export type Effects = Pick<Choice, keyof typeof effectFields>;
export type IdvAnswer = z.infer<typeof IdvAnswerSchema>;
export type Article = z.infer<typeof ArticleSchema>;
export type Team = z.infer<typeof TeamSchema>;
export type LookupNode = z.infer<typeof LookupNodeSchema>;
export type TransferNode = z.infer<typeof TransferNodeSchema>;
export type EscalateNode = z.infer<typeof EscalateNodeSchema>;
export type WrongRoute = z.infer<typeof wrongRoute>;
