/**
 * Stage 1 of the scenario pipeline: text to data, keeping where everything was written.
 * JSON is read as YAML (it is a subset), so both formats get line and column positions. Positions
 * cost most of the reading, and a clean file needs none: a `.json` file that `JSON.parse` reads
 * cleanly (no key repeated), or a YAML file js-yaml's fast loader reads cleanly (no key repeated,
 * no alias, one document), gives its data at once, and its positions are worked out (by reading it
 * again with the `yaml` package) only if a later stage has something to point at. Anything the
 * fast loader refuses is read by the `yaml` package, whose messages and positions trainers see.
 */
import { constructFromEvents, parseEvents, type Event } from 'js-yaml';
import { eventPositions } from './event-positions.ts';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import type { Diagnostic, SourcePosition } from './diagnostics.ts';
import { makeDiagnostic } from './diagnostics.ts';
import { jsonRepeatsAKey } from './json-keys.ts';

export type Locate = (path: readonly PropertyKey[]) => SourcePosition;

export interface ParsedSource {
  /** The file's data; absent when the file could not be read. */
  readonly data?: unknown;
  /** Where a path was written; a path that does not exist gives its nearest existing ancestor. */
  readonly locate: Locate;
  readonly diagnostics: Diagnostic[];
}

const FILE_START: SourcePosition = Object.freeze({ line: 1, col: 1 });

/** The `yaml` package's wording for common mistakes, said for trainers. */
const YAML_ERROR_WORDS: Readonly<Record<string, string>> = Object.freeze({
  MULTIPLE_DOCS: 'the file holds more than one document (a `---` line in the middle)',
  BLOCK_AS_IMPLICIT_KEY: 'a value contains `: ` — put the value in quotes',
  MULTILINE_IMPLICIT_KEY: 'a field name runs over two lines — check for a missing colon or quote',
  UNEXPECTED_TOKEN: 'something unexpected is written here',
});

function yamlErrorDetail(code: string, message: string): string {
  const quote = /Missing closing (["'])quote/.exec(message)?.[1];
  if (quote !== undefined) return `the ${quote} quote opened here is never closed`;
  const plain = message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
  const words = YAML_ERROR_WORDS[code];
  return words === undefined ? plain.charAt(0).toLowerCase() + plain.slice(1) : words;
}

function keyAt(text: string, offset: number): string {
  const rest = text.slice(offset).split('\n')[0] ?? '';
  const match = /^\s*["']?([^"':]+)/.exec(rest);
  return match?.[1]?.trim() ?? rest.trim();
}

/** Where to point for an error: an unclosed quote is reported at the quote that opened it. */
function errorOffset(code: string, message: string, offset: number, text: string): number {
  const quote = /Missing closing (["'])quote/.exec(message)?.[1];
  if (code !== 'MISSING_CHAR' || quote === undefined) return offset;
  const opened = text.lastIndexOf(quote, Math.min(offset, text.length - 1));
  return opened === -1 ? offset : opened;
}

function startOf(node: unknown, counter: LineCounter): SourcePosition | null {
  const range = (node as YamlNode | null | undefined)?.range;
  return range ? counter.linePos(range[0]) : null;
}

function makeLocate(root: unknown, counter: LineCounter): Locate {
  return (path) => {
    let node: unknown = root;
    let at = startOf(root, counter) ?? FILE_START;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
        );
        if (pair === undefined) break;
        at = startOf(pair.key, counter) ?? at;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        if (item === undefined) break;
        at = startOf(item, counter) ?? at;
        node = item;
      } else {
        break;
      }
    }
    return at;
  };
}

/** Positions in a text, found by reading it as YAML with the `yaml` package the first time one is asked for. */
export function yamlPositions(text: string): Locate {
  let locate: Locate | undefined;
  return (path) => {
    if (locate === undefined) {
      const counter = new LineCounter();
      locate = makeLocate(parseDocument(text, { lineCounter: counter, prettyErrors: false }).contents, counter);
    }
    return locate(path);
  };
}

function parseJson(text: string): { data: unknown } | null {
  try {
    const data: unknown = JSON.parse(text);
    return jsonRepeatsAKey(text) ? null : { data };
  } catch {
    return null;
  }
}

/** Line and column (1-based) of an offset, from the offsets where lines start. */
function linePositions(text: string): (offset: number) => SourcePosition {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo]! + 1 };
  };
}

/** Positions from js-yaml's events, worked out the first time one is asked for (the `yaml` package's where the events cannot say). */
function eventLocate(events: readonly Event[], text: string): Locate {
  let locate: Locate | undefined;
  return (path) => {
    if (locate === undefined) {
      const offsetOf = eventPositions(events, text);
      if (offsetOf === null) locate = yamlPositions(text);
      else {
        const position = linePositions(text);
        locate = (p) => position(offsetOf(p));
      }
    }
    return locate(path);
  };
}

/**
 * js-yaml's reading of a clean YAML file (the same YAML 1.2 core schema as the `yaml` package),
 * or null for anything it refuses or that the `yaml` package should judge: a repeated key, an
 * alias (the `yaml` package caps them), not exactly one document, an empty or null document, a
 * syntax error.
 */
function parseYamlFast(text: string): { data: unknown; locate: Locate } | null {
  try {
    const events = parseEvents(text, {});
    const documents = constructFromEvents(events, { source: text, maxAliases: 0 });
    const data = documents.length === 1 ? documents[0] : undefined;
    return data === undefined || data === null ? null : { data, locate: eventLocate(events, text) };
  } catch {
    return null;
  }
}

export function parseSource(text: string, file: string): ParsedSource {
  if (/\.json$/i.test(file)) {
    const json = parseJson(text);
    if (json !== null) return { data: json.data, locate: yamlPositions(text), diagnostics: [] };
  } else {
    const fast = parseYamlFast(text);
    if (fast !== null) return { data: fast.data, locate: fast.locate, diagnostics: [] };
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const locate = makeLocate(doc.contents, counter);
  // Every repeated key, but only the first other slip: what follows it is mostly its echo.
  const firstSlip = doc.errors.find((error) => error.code !== 'DUPLICATE_KEY');
  const reported = doc.errors.filter((error) => error.code === 'DUPLICATE_KEY' || error === firstSlip);
  const diagnostics: Diagnostic[] = reported.map((error) => {
    const at = counter.linePos(errorOffset(error.code, error.message, error.pos[0], text));
    if (error.code === 'DUPLICATE_KEY') {
      return makeDiagnostic('HTL0002', { key: keyAt(text, error.pos[0]) }, file, at);
    }
    if (error.code === 'TAB_AS_INDENT') return makeDiagnostic('HTL0005', {}, file, at);
    return makeDiagnostic('HTL0001', { detail: yamlErrorDetail(error.code, error.message) }, file, at);
  });
  if (diagnostics.length > 0) return { locate, diagnostics };
  if (doc.contents === null) {
    return { locate, diagnostics: [makeDiagnostic('HTL0003', {}, file, FILE_START)] };
  }
  try {
    return { data: doc.toJS({ maxAliasCount: 100 }), locate, diagnostics };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { locate, diagnostics: [makeDiagnostic('HTL0001', { detail }, file, FILE_START)] };
  }
}
