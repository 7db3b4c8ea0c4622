/**
 * A scenario as a Mermaid flowchart, for trainers to see the shape of a call: a box per step
 * (shaped by its type), endings as stadiums with their outcome, trap choices as dashed red
 * arrows, ID&V steps with their pass and fail arrows labelled.
 */
import type { Condition, Scenario, ScenarioNode } from '../core/model/scenario-schema.ts';
import { nodeTypeOf } from '../core/model/node-type.ts';

const LABEL_LENGTH = 32;

function short(text: string, length = LABEL_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

/** Mermaid label text: quotes and angle brackets as entities so no label breaks the chart. */
function escape(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

function conditionWords(when: Condition | undefined): string {
  if (when === undefined) return '';
  const parts = [
    ...(when.flags ?? []).map((flag) => flag),
    ...(when.notFlags ?? []).map((flag) => `not ${flag}`),
    ...(when.idv === undefined ? [] : [`ID&V ${when.idv}`]),
  ];
  return parts.length === 0 ? '' : ` [if ${parts.join(', ')}]`;
}

function box(key: string, id: string, node: ScenarioNode): string {
  const type = nodeTypeOf(node);
  switch (node.type) {
    case undefined:
    case 'talk':
      return `${key}["${escape(id)}${node.customer === undefined ? '' : `<br/><i>${escape(short(node.customer))}</i>`}"]`;
    case 'idv':
      return `${key}{{"${escape(id)}<br/>ID&V check"}}`;
    case 'hold':
      return `${key}[["${escape(id)}<br/>hold ${node.seconds} s"]]`;
    case 'lookup':
      return `${key}[/"${escape(id)}<br/>look-up: ${escape(short(node.task, 24))}"/]`;
    case 'ending':
      return `${key}(["${escape(id)}<br/>■ ${node.outcome}"]):::ending`;
    default:
      return `${key}[/"${escape(id)}<br/>${type}"\\]`;
  }
}

export interface MermaidOptions {
  /** Wrap the chart in a ```mermaid fence, for Markdown. */
  readonly markdown?: boolean;
}

export function scenarioToMermaid(scenario: Scenario, options: MermaidOptions = {}): string {
  const ids = Object.keys(scenario.nodes);
  const keyOf = new Map(ids.map((id, i) => [id, `n${i}`]));
  const key = (id: string): string => keyOf.get(id) ?? 'missing';
  const lines = ['flowchart TD', `  answer(("answer")) --> ${key(scenario.start)}`];
  for (const [id, node] of Object.entries(scenario.nodes)) lines.push(`  ${box(key(id), id, node)}`);

  const trapLinks: number[] = [];
  let link = 1; // the answer arrow is link 0
  const arrow = (from: string, to: string, label: string, trap = false): void => {
    lines.push(`  ${key(from)} ${trap ? '-.->' : '-->'}|"${escape(label)}"| ${key(to)}`);
    if (trap) trapLinks.push(link);
    link += 1;
  };
  for (const [id, node] of Object.entries(scenario.nodes)) {
    switch (node.type) {
      case undefined:
      case 'talk':
        node.choices.forEach((choice, index) => {
          const said = `${index + 1}. ${short(choice.say, 28)}${conditionWords(choice.when)}`;
          arrow(id, choice.next, choice.trap === undefined ? said : `⚠ trap: ${said}`, choice.trap !== undefined);
        });
        break;
      case 'idv':
        arrow(id, node.pass, '✔ pass');
        arrow(id, node.fail, '✘ fail');
        break;
      case 'ending':
        break;
      case 'lookup':
      case 'transfer':
      case 'escalate':
        arrow(id, node.next, node.type === 'lookup' ? `✔ ${node.right.join(', ')}` : `✔ to ${node.to.join(', ')}`);
        if (node.wrong?.next !== undefined) arrow(id, node.wrong.next, node.type === 'lookup' ? '⚠ wrong article' : '⚠ wrong team', true);
        break;
      default:
        arrow(id, node.next, node.type === 'hold' ? 'resume' : 'continue');
    }
  }
  lines.push('  classDef ending fill:#e6f4ea,stroke:#1e8e3e,stroke-width:2px');
  if (trapLinks.length > 0) lines.push(`  linkStyle ${trapLinks.join(',')} stroke:#d93025,color:#d93025`);
  const chart = lines.join('\n');
  return options.markdown === true ? `\`\`\`mermaid\n${chart}\n\`\`\`` : chart;
}
