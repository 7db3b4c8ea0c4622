import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeKey, ITEM, keysAt, mappingPathAt, valuesAt, type JsonSchema } from '../../../src/workbench/schema-help.ts';
import { NEW_CALL_TEMPLATE } from '../../../src/workbench/template.ts';

const schema = JSON.parse(readFileSync('scenarios/scenario.schema.json', 'utf8')) as JsonSchema;
const lines = NEW_CALL_TEMPLATE.split('\n');
const lineOf = (text: string) => lines.findIndex((l) => l.includes(text));

describe('where the cursor is in a half-typed call', () => {
  it('finds the choice a key belongs to, through the step and its list', () => {
    const at = lineOf('qa: { met: [greeting] }');
    expect(mappingPathAt(lines, at, 8)).toEqual(['nodes', 'greet', 'choices', ITEM]);
  });

  it('finds a blank line under a step as the step itself', () => {
    const edited = [...lines];
    const at = lineOf('    customer: The new one is');
    edited.splice(at + 1, 0, '    ');
    expect(mappingPathAt(edited, at + 1, 4)).toEqual(['nodes', 'new-address']);
  });

  it('is the top of the file at column 0', () => {
    expect(mappingPathAt(lines, lineOf('title:'), 0)).toEqual([]);
  });
});

describe('help from the JSON Schema', () => {
  it('offers the keys a choice may have, with what they mean', () => {
    const keys = keysAt(schema, ['nodes', 'greet', 'choices', ITEM]);
    expect(keys.map((k) => k.key)).toEqual(expect.arrayContaining(['say', 'next', 'trap', 'patience', 'mood']));
    expect(keys.find((k) => k.key === 'patience')?.description).toMatch(/patience/i);
  });

  it('offers a step the keys of every kind of step', () => {
    const keys = keysAt(schema, ['nodes', 'greet']).map((k) => k.key);
    expect(keys).toEqual(expect.arrayContaining(['customer', 'choices', 'type', 'pass', 'fail', 'outcome', 'wrapup']));
  });

  it('names the values a key takes and describes it on hover', () => {
    expect(valuesAt(schema, ['direction'])).toEqual(['inbound', 'outbound']);
    expect(valuesAt(schema, ['nodes', 'x', 'type'])).toEqual(expect.arrayContaining(['talk', 'idv', 'ending', 'hold']));
    expect(describeKey(schema, ['nodes', 'greet', 'choices', ITEM], 'patience')).toMatch(/^patience: .*hang up/i);
    expect(describeKey(schema, [], 'no-such-key')).toBeNull();
  });
});
