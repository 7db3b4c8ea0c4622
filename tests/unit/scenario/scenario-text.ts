/** Small scenario files for tests: a standard header and the steps a test is about. */

export interface ScenarioTextOptions {
  readonly role?: 'holder' | 'third-party';
  readonly idvAsk?: readonly string[];
  readonly patience?: number;
}

/** A complete scenario file whose `nodes` are the given YAML (indented two spaces under `nodes:`). */
export function scenarioText(nodes: string, options: ScenarioTextOptions = {}): string {
  const idv = options.idvAsk === undefined ? '' : `idv:\n  ask: [${options.idvAsk.join(', ')}]\n`;
  return `format: 2
id: test-call
title: Test call
summary: A call made up for a test.
skills: [call-control]
difficulty: 1
direction: inbound
outcomes: [AC3]
targets: { ahtSeconds: 300 }
customer: { name: Pat Test, role: ${options.role ?? 'holder'}, mood: 0, patience: ${options.patience ?? 80} }
crm:
  fields:
    - { key: accountNumber, label: Account number, value: "111" }
    - { key: postcode, label: Postcode, value: "AB1 2CD" }
    - { key: balance, label: Balance, value: "£10" }
${idv}qa:
  items:
    - { id: greeting, section: opening, text: Greets the caller, whenUntouched: na }
start: ${/^\s*([a-z0-9-]+):/m.exec(nodes)?.[1] ?? 'start'}
nodes:
${nodes.replace(/^\n/, '')}`;
}

/** An ending step with two dispositions, the first one correct. */
export function ending(id: string, outcome = 'resolved'): string {
  return `  ${id}:
    type: ending
    outcome: ${outcome}
    summary: The call ended.
    wrapup:
      dispositions:
        - { code: right-code, label: Right, correct: true }
        - { code: wrong-code, label: Wrong }
`;
}
