/**
 * The diagnostics catalogue: every problem the scenario pipeline can report, with a stable code,
 * a severity, a message in a trainer's words and a fix hint. Codes never change meaning; retired
 * codes are never reused. Templates name their parameters in braces, e.g. `{key}`; the table in
 * docs/scenario-format.md lists them all (a test keeps the two in step).
 */

export interface CatalogueEntry {
  readonly severity: 'error' | 'warning';
  /** Which pipeline stage reports it. */
  readonly stage: 'parse' | 'shape' | 'references' | 'graph' | 'analysis';
  readonly message: string;
  readonly hint: string;
}

export const DIAGNOSTICS = Object.freeze({
  // Parse: the file is not readable YAML or JSON.
  HTL0001: {
    severity: 'error',
    stage: 'parse',
    message: 'The file cannot be read as YAML or JSON: {detail}',
    hint: 'look at this line and the one before it: a missing quote, bracket, colon or a wrong indent is the usual cause',
  },
  HTL0002: {
    severity: 'error',
    stage: 'parse',
    message: '`{key}` is written twice in the same block',
    hint: 'keep one of them: the second would silently replace the first',
  },
  HTL0003: {
    severity: 'error',
    stage: 'parse',
    message: 'The file is empty',
    hint: 'start from the minimal example in docs/scenario-format.md',
  },
  HTL0004: {
    severity: 'error',
    stage: 'parse',
    message: 'The file must describe one call as a block of `name: value` fields, but it holds {found}',
    hint: 'start the file with `format: 2` followed by the other top-level fields',
  },
  HTL0005: {
    severity: 'error',
    stage: 'parse',
    message: 'Tabs are used for indenting',
    hint: 'indent with spaces only, two per level',
  },
  // Shape: fields, types and values.
  HTL0010: {
    severity: 'error',
    stage: 'shape',
    message: '`{key}` is not a field of {where}',
    hint: '{suggestion}the fields allowed here are: {allowed}',
  },
  HTL0011: {
    severity: 'error',
    stage: 'shape',
    message: '{where} is missing `{key}`',
    hint: 'add `{key}:` — {about}',
  },
  HTL0012: {
    severity: 'error',
    stage: 'shape',
    message: '{field} should be {expected}, found {found}',
    hint: 'write {expected} here',
  },
  HTL0013: {
    severity: 'error',
    stage: 'shape',
    message: '{field} is {value}, outside the allowed range {range}',
    hint: 'use a number from {range}',
  },
  HTL0014: {
    severity: 'error',
    stage: 'shape',
    message: '{field} is {value}, which is not one of the allowed values',
    hint: '{suggestion}use one of: {allowed}',
  },
  HTL0015: {
    severity: 'error',
    stage: 'shape',
    message: 'Step `{id}` has type `{type}`, which is not a step type',
    hint: '{suggestion}the step types are: {allowed}; leave `type` out for a talk step',
  },
  HTL0016: {
    severity: 'error',
    stage: 'shape',
    message: '{field} is {value}, which is not written the right way',
    hint: '{rule}',
  },
  HTL0017: {
    severity: 'error',
    stage: 'shape',
    message: '{field} has {count}, but needs {limit}',
    hint: '{advice}',
  },
  HTL0018: {
    severity: 'error',
    stage: 'shape',
    message: '{field} is empty',
    hint: 'write the text, or remove the field if it is optional',
  },
  HTL0019: {
    severity: 'error',
    stage: 'shape',
    message: '{field} is not valid: {detail}',
    hint: 'see docs/scenario-format.md for what this field takes',
  },
  HTL0020: {
    severity: 'error',
    stage: 'shape',
    message: '{field} must be a whole number, found {value}',
    hint: 'drop the decimal part',
  },
  // References between parts of the file.
  HTL0030: {
    severity: 'error',
    stage: 'references',
    message: '{from} goes to `{target}`, but there is no step with that id',
    hint: '{suggestion}add a step `{target}` under `nodes`, or point to an existing one',
  },
  HTL0031: {
    severity: 'error',
    stage: 'references',
    message: 'Step `{node}` marks QA item `{item}`, which is not in `qa.items`',
    hint: '{suggestion}add an item with `id: {item}` to `qa.items`',
  },
  HTL0032: {
    severity: 'error',
    stage: 'references',
    message: 'Step `{node}` discloses `{key}`, which is not a CRM field',
    hint: '{suggestion}use a `key` from `crm.fields`, or add the field to the CRM',
  },
  HTL0033: {
    severity: 'error',
    stage: 'references',
    message: 'The ID&V policy asks for `{key}`, which is not a CRM field',
    hint: '{suggestion}every ID&V question must be a `key` from `crm.fields`',
  },
  HTL0034: {
    severity: 'error',
    stage: 'references',
    message: 'ID&V step `{node}` gives an answer for `{key}`, but the ID&V policy neither asks for it nor lists it in `extra`',
    hint: '{suggestion}answer only the questions in `idv.ask` or `idv.extra`: {allowed}',
  },
  HTL0035: {
    severity: 'error',
    stage: 'references',
    message: 'Step `{node}` is an ID&V step, but the scenario has no ID&V policy',
    hint: 'add an `idv` block at the top level whose `ask` lists the CRM fields the caller must confirm',
  },
  HTL0036: {
    severity: 'error',
    stage: 'references',
    message: 'QA item id `{id}` is used twice',
    hint: 'give each QA item its own id',
  },
  HTL0037: {
    severity: 'error',
    stage: 'references',
    message: 'CRM field key `{key}` is used twice',
    hint: 'give each CRM field its own key',
  },
  HTL0038: {
    severity: 'error',
    stage: 'references',
    message: 'QA item id `{id}` starts with `auto-`, which is kept for the items the game adds itself',
    hint: 'rename the item, e.g. `{renamed}`',
  },
  HTL0039: {
    severity: 'error',
    stage: 'references',
    message: 'Ending `{node}` has no disposition marked `correct: true`',
    hint: 'mark the right disposition(s) for this ending with `correct: true`',
  },
  HTL0040: {
    severity: 'warning',
    stage: 'references',
    message: 'A choice in step `{node}` is declared a trap but also has `why`',
    hint: '`why` explains good practice and `trap` explains a mistake: keep only `trap`',
  },
  HTL0041: {
    severity: 'warning',
    stage: 'references',
    message: 'QA item `{id}` is never marked `met` or `partial` by any step, so it can never be met',
    hint: 'mark it `met` on the step that shows the behaviour, or add `whenUntouched: na`',
  },
  HTL0042: {
    severity: 'error',
    stage: 'references',
    message: 'Ending `{node}` lists disposition code `{code}` twice',
    hint: 'give each disposition its own code',
  },
  HTL0043: {
    severity: 'error',
    stage: 'references',
    message: 'The first step `start: {target}` does not exist',
    hint: '{suggestion}set `start` to the id of the step that follows answering the call',
  },
  HTL0044: {
    severity: 'error',
    stage: 'shape',
    message: 'Step id `{id}` is not valid',
    hint: 'use lower-case letters, digits and hyphens, e.g. `greet-customer`; ids starting `__` are kept for the game',
  },
  // The call as a whole: reachability, termination and compliance.
  HTL0050: {
    severity: 'warning',
    stage: 'graph',
    message: 'Step `{node}` can never be reached from the start of the call',
    hint: 'point a choice at it, or remove it',
  },
  HTL0051: {
    severity: 'warning',
    stage: 'graph',
    message: 'Choice {index} of step `{node}` ("{say}") is never offered: its `when` can never hold there',
    hint: 'check the flags and ID&V state it asks for against the steps that lead here',
  },
  HTL0052: {
    severity: 'error',
    stage: 'graph',
    message: 'Dead end: the call can reach step `{node}` with no choice on offer ({state})',
    hint: 'add a choice without `when`, or loosen the conditions on the existing ones',
  },
  HTL0053: {
    severity: 'error',
    stage: 'graph',
    message: 'Loop with no way out: {loop}, so the call can never reach an ending',
    hint: 'give one of these steps a choice that leads towards an ending',
  },
  HTL0054: {
    severity: 'error',
    stage: 'graph',
    message: 'The call has no ending step',
    hint: 'add at least one step with `type: ending`, an `outcome` and a `wrapup`',
  },
  HTL0055: {
    severity: 'error',
    stage: 'graph',
    message: '{what} discloses {keys} where the caller may not have passed ID&V ({route})',
    hint: 'declare it a trap: if the disclosure is the lesson, or move it after the ID&V step',
  },
  HTL0056: {
    severity: 'error',
    stage: 'graph',
    message: '{what} discloses {keys} to a third-party caller with no authority on the account',
    hint: 'declare it a trap: if the disclosure is the lesson; otherwise remove `discloses`',
  },
  HTL0057: {
    severity: 'error',
    stage: 'graph',
    message: '{what} commits the breach {breaches} but is not declared a trap',
    hint: 'add `trap:` saying why it is wrong, or remove `breach`; a choice, or a step\'s `wrong` route, can be a trap',
  },
  HTL0058: {
    severity: 'warning',
    stage: 'graph',
    message: 'The call has more than {limit} distinct states; checking stopped there, so some problems may go unreported',
    hint: 'use fewer flags, or split the call into smaller scenarios',
  },
  HTL0059: {
    severity: 'warning',
    stage: 'analysis',
    message: 'Step `{node}` is never reached in play: on every way there the customer runs out of patience and hangs up first',
    hint: 'make the choices on the way there cost less patience, or start the customer with more',
  },
  HTL0060: {
    severity: 'warning',
    stage: 'analysis',
    message: 'The game and the checker disagree about this call ({detail})',
    hint: 'this is a fault in the game, not in the file: please report it with the file attached',
  },
  HTL0061: {
    severity: 'warning',
    stage: 'analysis',
    message: 'The call has too many distinct states to compare with the game engine; that check was skipped',
    hint: 'use fewer flags, or split the call into smaller scenarios',
  },
  HTL0062: {
    severity: 'error',
    stage: 'references',
    message: 'Look-up step `{node}` names the article `{article}` as the right one, but there is no article with that id',
    hint: '{suggestion}use an id from kb/articles (the file name) or from the call\'s own `kb` list',
  },
  HTL0063: {
    severity: 'warning',
    stage: 'analysis',
    message: 'A trainee who plays without judgement does too well on this call: {detail}',
    hint: 'make the wrong options as plausible, as long and as polite as the right ones, and give more steps a tempting trap with QA marks; a surface strategy should reach a good call on at most 20 % of seeds and average QA 55 or less',
  },
  HTL0064: {
    severity: 'warning',
    stage: 'references',
    message: 'Look-up step `{node}`: searching for the task\'s words finds {found}, so there is nothing plausible to tell the right article from',
    hint: 'add an article that a skim reader could take for the right one (an out-of-date version, the other product\'s rule) and that the task\'s words also find',
  },
  HTL0065: {
    severity: 'error',
    stage: 'references',
    message: '{what} sends the call to the team `{team}`, but there is no team with that id',
    hint: '{suggestion}use an id from kb/directory.yaml or from the call\'s own `directory` list',
  },
  HTL0066: {
    severity: 'error',
    stage: 'references',
    message: 'Step `{node}` offers handover summaries, but {problem}',
    hint: 'handovers are for a warm transfer: mark at least one `right: true`, and leave `handover` out when `mode: cold`',
  },
  HTL0067: {
    severity: 'error',
    stage: 'references',
    message: 'The id `{id}` is used by two {what}',
    hint: 'give each its own id',
  },
  HTL0068: {
    severity: 'error',
    stage: 'references',
    message: '`idv.extra` lists `{key}`, which {problem}',
    hint: '{suggestion}list CRM keys that are not already in `idv.ask`',
  },
  HTL0069: {
    severity: 'error',
    stage: 'graph',
    message: '{what} discloses {keys} where the caller\'s authority may not have been checked yet (no `{flag}` flag)',
    hint: 'set `{flag}` on the step where the agent checks the authority, and disclose only after it; or declare a trap if disclosing early is the lesson',
  },
  HTL0070: {
    severity: 'error',
    stage: 'graph',
    message: '{what} discloses {keys}, which the {role}\'s authority does not cover',
    hint: 'add the field to `customer.authority.scope` if the authority covers it, remove it from `discloses`, or declare a trap if that is the lesson',
  },
  HTL0071: {
    severity: 'error',
    stage: 'references',
    message: 'The caller\'s role is `{role}`, but {problem}',
    hint: 'a caller who acts for the customer (attorney, executor, authorised-contact, consenting-third-party) needs `customer.authority` with `checks`, `scope`, `source` and `asOf`; a holder or third party has none; scope lists CRM keys',
  },
  HTL0072: {
    severity: 'error',
    stage: 'parse',
    message: 'The file is {size}, larger than a call can be ({limit}), so it was not read',
    hint: 'a call is a few hundred lines; check that this is the right file, or split it into several calls',
  },
  HTL0073: {
    severity: 'error',
    stage: 'parse',
    message: '{count} more problems were found in this file and are not listed',
    hint: 'fix the problems listed above first: the rest are often knock-on effects of the same mistakes',
  },
} as const satisfies Record<string, CatalogueEntry>);
