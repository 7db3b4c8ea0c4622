/** Paths into a scenario file, said the way a trainer reads the file. */

type Path = readonly PropertyKey[];

/** What a list holds, by the list's key: "a list of choices". */
export const LIST_NOUNS = Object.freeze({
  choices: ['choice', 'choices'],
  skills: ['skill', 'skills'],
  outcomes: ['learning outcome', 'learning outcomes'],
  fields: ['CRM field', 'CRM fields'],
  history: ['history entry', 'history entries'],
  items: ['QA item', 'QA items'],
  ask: ['CRM key', 'CRM keys'],
  dispositions: ['disposition', 'dispositions'],
  notesMustMention: ['fact', 'facts'],
  set: ['flag', 'flags'],
  clear: ['flag', 'flags'],
  flags: ['flag', 'flags'],
  notFlags: ['flag', 'flags'],
  discloses: ['CRM key', 'CRM keys'],
  breach: ['breach code', 'breach codes'],
  met: ['QA item id', 'QA item ids'],
  partial: ['QA item id', 'QA item ids'],
  missed: ['QA item id', 'QA item ids'],
} as const satisfies Record<string, readonly [string, string]>);

export function listNoun(key: PropertyKey | undefined, count: number): string {
  const nouns = (LIST_NOUNS as Record<string, readonly [string, string]>)[String(key)] ?? ['entry', 'entries'];
  return count === 1 ? nouns[0] : nouns[1];
}

function dotted(path: Path): string {
  return path.reduce<string>(
    (text, segment) => (typeof segment === 'number' ? `${text}[${segment + 1}]` : text === '' ? String(segment) : `${text}.${String(segment)}`),
    '',
  );
}

interface Anchor {
  /** How many leading segments the anchor covers. */
  readonly length: number;
  readonly words: string;
}

/** The nearest named thing a path runs through: a step, a choice, a CRM field, a QA item. */
function anchorOf(path: Path): Anchor {
  if (path[0] === 'nodes' && path.length >= 2) {
    const step = `step \`${String(path[1])}\``;
    if (path[2] === 'choices' && typeof path[3] === 'number') {
      return { length: 4, words: `choice ${path[3] + 1} of ${step}` };
    }
    if (path[2] === 'wrapup' && path[3] === 'dispositions' && typeof path[4] === 'number') {
      return { length: 5, words: `disposition ${path[4] + 1} of ${step}` };
    }
    return { length: 2, words: step };
  }
  if (path[0] === 'crm' && path[1] === 'fields' && typeof path[2] === 'number') {
    return { length: 3, words: `CRM field ${path[2] + 1}` };
  }
  if (path[0] === 'qa' && path[1] === 'items' && typeof path[2] === 'number') {
    return { length: 3, words: `QA item ${path[2] + 1}` };
  }
  return { length: 0, words: 'the scenario' };
}

function placed(rest: Path, anchor: Anchor): string {
  const last = rest[rest.length - 1];
  const name =
    typeof last === 'number' && rest.length >= 2
      ? `${listNoun(rest[rest.length - 2], 1)} ${last + 1} of \`${dotted(rest.slice(0, -1))}\``
      : `\`${dotted(rest)}\``;
  return anchor.length === 0 ? name : `${name} in ${anchor.words}`;
}

/** The container a path names: "the scenario", "step `greet`", "`targets`", "choice 2 of step `greet`". */
export function describeContainer(path: Path): string {
  const anchor = anchorOf(path);
  const rest = path.slice(anchor.length);
  return rest.length === 0 ? anchor.words : placed(rest, anchor);
}

/** A field named with its place: "`customer.patience`", "`say` in choice 1 of step `greet`". */
export function describeField(path: Path): string {
  if (path.length === 0) return 'the file';
  return describeContainer(path);
}

/** A value as a trainer would describe what they wrote. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (typeof value === 'object') return 'a block of fields';
  if (typeof value === 'string') {
    const short = value.length > 30 ? `${value.slice(0, 27)}…` : value;
    return `the text "${short}"`;
  }
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `\`${String(value)}\``;
  return typeof value;
}

/** The value at a path in plain data, or undefined. */
export function valueAt(data: unknown, path: Path): unknown {
  let value: unknown = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}
