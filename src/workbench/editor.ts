/**
 * The YAML editor: CodeMirror 6 with YAML highlighting, completion and hover help from the
 * scenario's JSON Schema, and the checker's diagnostics shown in the text (underlines and gutter
 * marks) when the checking worker answers. It knows nothing of the checker itself.
 */
import { EditorView, basicSetup } from 'codemirror';
import { EditorSelection } from '@codemirror/state';
import { hoverTooltip, keymap } from '@codemirror/view';
import { yaml } from '@codemirror/lang-yaml';
import { autocompletion, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { lintGutter, setDiagnostics, type Diagnostic as EditorDiagnostic } from '@codemirror/lint';
import type { Diagnostic } from '../scenario/diagnostics.ts';
import schemaJson from '../../scenarios/scenario.schema.json';
import { describeKey, keysAt, mappingPathAt, valuesAt, type JsonSchema } from './schema-help.ts';

const schema = schemaJson as unknown as JsonSchema;

/** Keys whose value is the id of another step: completed from the steps in the file. */
const STEP_KEYS = new Set(['next', 'pass', 'fail', 'start']);

function linesOf(view: EditorView | { state: EditorView['state'] }): string[] {
  return view.state.doc.toString().split('\n');
}

function stepIds(lines: readonly string[]): string[] {
  const nodes = lines.findIndex((l) => /^nodes:\s*$/.test(l));
  if (nodes < 0) return [];
  return lines.slice(nodes + 1).flatMap((l) => /^ {2}([a-z0-9][a-z0-9-]*):\s*$/.exec(l)?.[1] ?? []);
}

function complete(context: CompletionContext): CompletionResult | null {
  const line = context.state.doc.lineAt(context.pos);
  const before = line.text.slice(0, context.pos - line.from);
  const lines = context.state.doc.toString().split('\n');
  const lineIndex = line.number - 1;
  // A value after "key: ".
  const value = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):\s+([\w-]*)$/.exec(before);
  if (value !== null) {
    const key = value[2]!;
    const path = mappingPathAt(lines, lineIndex, value[1]!.length);
    const options: Completion[] = STEP_KEYS.has(key)
      ? stepIds(lines).map((id) => ({ label: id, type: 'variable', detail: 'step' }))
      : valuesAt(schema, [...path, key]).map((v) => ({ label: v, type: 'enum' }));
    if (options.length === 0) return null;
    return { from: context.pos - value[3]!.length, options, validFor: /^[\w-]*$/ };
  }
  // A key at the start of a line (or after "- ").
  const keyStart = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*)?$/.exec(before);
  if (keyStart === null) return null;
  if (keyStart[2] === undefined && !context.explicit && before.trim() !== '-') {
    if (before.length > 0 && !/\s$/.test(before)) return null;
  }
  const path = mappingPathAt(lines, lineIndex, keyStart[1]!.length);
  const keys = keysAt(schema, path);
  if (keys.length === 0) return null;
  return {
    from: context.pos - (keyStart[2]?.length ?? 0),
    options: keys.map((k) => ({ label: k.key, apply: `${k.key}: `, type: 'property', detail: k.required ? 'required' : undefined, info: k.description || undefined, boost: k.required ? 1 : 0 })),
    validFor: /^[\w-]*$/,
  };
}

const hoverHelp = hoverTooltip((view, pos) => {
  const line = view.state.doc.lineAt(pos);
  const m = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*)\s*:/.exec(line.text);
  if (m === null) return null;
  const start = line.from + m[1]!.length;
  const end = start + m[2]!.length;
  if (pos < start || pos > end) return null;
  const text = describeKey(schema, mappingPathAt(linesOf(view), line.number - 1, m[1]!.length), m[2]!);
  if (text === null) return null;
  return {
    pos: start,
    end,
    above: true,
    create: () => {
      const dom = document.createElement('div');
      dom.className = 'wb-hover';
      dom.textContent = text;
      return { dom };
    },
  };
});

export interface Editor {
  readonly view: EditorView;
  text(): string;
  setText(text: string): void;
  /** Moves the cursor to the start of a 1-based line (and column) and scrolls it into view. */
  jumpTo(line: number, col?: number): void;
  showDiagnostics(diagnostics: readonly Diagnostic[]): void;
  /** The 1-based line the cursor is on. */
  cursorLine(): number;
}

export function createEditor(parent: HTMLElement, initial: string, onChange: (text: string) => void): Editor {
  const view = new EditorView({
    parent,
    doc: initial,
    extensions: [
      basicSetup,
      yaml(),
      lintGutter(),
      autocompletion({ override: [complete], activateOnTyping: true }),
      hoverHelp,
      keymap.of([]),
      // tabindex: the editing area is focusable, so axe sees the scroller holds something to focus.
      EditorView.contentAttributes.of({ 'aria-label': 'The call, as YAML', tabindex: '0' }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) onChange(update.state.doc.toString());
      }),
    ],
  });
  const clampLine = (line: number) => view.state.doc.line(Math.max(1, Math.min(view.state.doc.lines, line)));
  return {
    view,
    text: () => view.state.doc.toString(),
    setText: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: EditorSelection.cursor(0) }),
    jumpTo: (line, col = 1) => {
      const at = clampLine(line);
      const pos = Math.min(at.to, at.from + Math.max(0, col - 1));
      view.dispatch({ selection: EditorSelection.cursor(pos), effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
      view.focus();
    },
    showDiagnostics: (diagnostics) => {
      const marks: EditorDiagnostic[] = diagnostics.map((d) => {
        const at = clampLine(d.line);
        const from = Math.min(at.to, at.from + d.col - 1);
        const word = /^[^\s:,{}[\]]+/.exec(view.state.doc.sliceString(from, at.to))?.[0].length ?? 0;
        return { from, to: Math.max(from + word, Math.min(at.to, from + 1)), severity: d.severity, message: `${d.code} ${d.message}\n${d.hint}`, source: d.code };
      });
      view.dispatch(setDiagnostics(view.state, marks));
    },
    cursorLine: () => view.state.doc.lineAt(view.state.selection.main.head).number,
  };
}
