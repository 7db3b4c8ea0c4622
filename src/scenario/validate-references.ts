/**
 * Validation stage b: the parts of the file that name each other — step ids, QA item ids, CRM
 * keys, the ID&V policy — all point at something that exists, and ids are not reused.
 */
import type { Scenario } from '../core/model/scenario-schema.ts';
import type { KnowledgeLibrary } from '../core/model/library.ts';
import { callKnowledge } from './call-knowledge.ts';
import { searchArticles } from '../core/engine/kb-search.ts';
import type { Diagnostic, DiagnosticCode, DiagnosticParams } from './diagnostics.ts';
import { makeDiagnostic } from './diagnostics.ts';
import type { Locate } from './parse.ts';
import { didYouMean } from './closest-word.ts';
import { allEffectSites, linksOf } from './scenario-parts.ts';

const RESERVED_QA_PREFIX = 'auto-';
const QA_MARKS = Object.freeze(['met', 'partial', 'missed'] as const);

type Report = <C extends DiagnosticCode>(code: C, params: DiagnosticParams<C>, path: readonly PropertyKey[]) => void;

function duplicates<T>(values: readonly T[]): number[] {
  const seen = new Set<T>();
  const repeated: number[] = [];
  values.forEach((value, index) => {
    if (seen.has(value)) repeated.push(index);
    seen.add(value);
  });
  return repeated;
}

function checkLinks(scenario: Scenario, report: Report): void {
  const ids = Object.keys(scenario.nodes);
  if (!(scenario.start in scenario.nodes)) {
    report('HTL0043', { target: scenario.start, suggestion: didYouMean(scenario.start, ids) }, ['start']);
  }
  for (const [id, node] of Object.entries(scenario.nodes)) {
    for (const link of linksOf(id, node)) {
      if (link.to in scenario.nodes) continue;
      report('HTL0030', { from: link.words, target: link.to, suggestion: didYouMean(link.to, ids) }, link.path);
    }
  }
}

function checkEffects(scenario: Scenario, report: Report): void {
  const qaIds = scenario.qa.items.map((item) => item.id);
  const crmKeys = scenario.crm.fields.map((field) => field.key);
  for (const site of allEffectSites(scenario)) {
    for (const mark of QA_MARKS) {
      site.effects.qa?.[mark]?.forEach((item, index) => {
        if (qaIds.includes(item)) return;
        report('HTL0031', { node: site.node, item, suggestion: didYouMean(item, qaIds) }, [...site.path, 'qa', mark, index]);
      });
    }
    site.effects.discloses?.forEach((key, index) => {
      if (crmKeys.includes(key)) return;
      report('HTL0032', { node: site.node, key, suggestion: didYouMean(key, crmKeys) }, [...site.path, 'discloses', index]);
    });
    if (site.trap !== undefined && site.why !== undefined) {
      report('HTL0040', { node: site.node }, [...site.path, 'why']);
    }
  }
}

function checkIdv(scenario: Scenario, report: Report): void {
  const crmKeys = scenario.crm.fields.map((field) => field.key);
  const policy = scenario.idv?.ask ?? [];
  policy.forEach((key, index) => {
    if (crmKeys.includes(key)) return;
    report('HTL0033', { key, suggestion: didYouMean(key, crmKeys) }, ['idv', 'ask', index]);
  });
  (scenario.idv?.extra ?? []).forEach((key, index) => {
    if (!crmKeys.includes(key)) {
      report('HTL0068', { key, problem: 'is not a field of the CRM record', suggestion: didYouMean(key, crmKeys) }, ['idv', 'extra', index]);
    } else if (policy.includes(key)) {
      report('HTL0068', { key, problem: 'the policy already asks for', suggestion: '' }, ['idv', 'extra', index]);
    }
  });
  const asked = [...policy, ...(scenario.idv?.extra ?? [])];
  for (const [id, node] of Object.entries(scenario.nodes)) {
    if (node.type !== 'idv') continue;
    if (scenario.idv === undefined) {
      report('HTL0035', { node: id }, ['nodes', id, 'type']);
      continue;
    }
    for (const key of Object.keys(node.answers)) {
      if (asked.includes(key)) continue;
      report(
        'HTL0034',
        { node: id, key, suggestion: didYouMean(key, asked), allowed: asked.join(', ') },
        ['nodes', id, 'answers', key],
      );
    }
  }
}

function checkIds(scenario: Scenario, report: Report): void {
  const qaIds = scenario.qa.items.map((item) => item.id);
  for (const index of duplicates(qaIds)) report('HTL0036', { id: qaIds[index] ?? '' }, ['qa', 'items', index, 'id']);
  const crmKeys = scenario.crm.fields.map((field) => field.key);
  for (const index of duplicates(crmKeys)) report('HTL0037', { key: crmKeys[index] ?? '' }, ['crm', 'fields', index, 'key']);
  qaIds.forEach((id, index) => {
    if (!id.startsWith(RESERVED_QA_PREFIX)) return;
    const renamed = id.slice(RESERVED_QA_PREFIX.length).replace(/-$/, '') || 'check';
    report('HTL0038', { id, renamed: `${renamed}-check` }, ['qa', 'items', index, 'id']);
  });
}

function checkEndings(scenario: Scenario, report: Report): void {
  for (const [id, node] of Object.entries(scenario.nodes)) {
    if (node.type !== 'ending') continue;
    const dispositions = node.wrapup.dispositions;
    if (!dispositions.some((d) => d.correct === true)) {
      report('HTL0039', { node: id }, ['nodes', id, 'wrapup', 'dispositions']);
    }
    const codes = dispositions.map((d) => d.code);
    for (const index of duplicates(codes)) {
      report('HTL0042', { node: id, code: codes[index] ?? '' }, ['nodes', id, 'wrapup', 'dispositions', index, 'code']);
    }
  }
}

function checkUnmetQaItems(scenario: Scenario, report: Report): void {
  const canBeMet = new Set<string>();
  for (const site of allEffectSites(scenario)) {
    const qa = site.effects.qa;
    if (qa === undefined) continue;
    for (const item of qa.met ?? []) canBeMet.add(item);
    for (const item of qa.partial ?? []) canBeMet.add(item);
  }
  scenario.qa.items.forEach((item, index) => {
    if (canBeMet.has(item.id) || item.whenUntouched === 'na') return;
    report('HTL0041', { id: item.id }, ['qa', 'items', index]);
  });
}

function checkAuthority(scenario: Scenario, report: Report): void {
  const { role, authority } = scenario.customer;
  const acting = role !== 'holder' && role !== 'third-party';
  if (acting && authority === undefined) report('HTL0071', { role, problem: 'the call has no `customer.authority` saying what must be checked and what may be discussed' }, ['customer', 'role']);
  if (!acting && authority !== undefined) report('HTL0071', { role, problem: '`customer.authority` is given, which only a caller acting for the customer has' }, ['customer', 'authority']);
  const crmKeys = scenario.crm.fields.map((field) => field.key);
  authority?.scope.forEach((key, index) => {
    if (!crmKeys.includes(key)) report('HTL0071', { role, problem: `the authority's scope names \`${key}\`, which is not a CRM field` }, ['customer', 'authority', 'scope', index]);
  });
}

function checkKnowledge(scenario: Scenario, library: KnowledgeLibrary, report: Report): void {
  const { articles, teams, index } = callKnowledge(scenario, library);
  const articleIds = articles.map((a) => a.id);
  const teamIds = teams.map((t) => t.id);
  const ownArticles = (scenario.kb ?? []).map((a) => a.id);
  for (const index of duplicates(ownArticles)) report('HTL0067', { id: ownArticles[index] ?? '', what: 'articles in `kb`' }, ['kb', index, 'id']);
  const ownTeams = (scenario.directory ?? []).map((t) => t.id);
  for (const index of duplicates(ownTeams)) report('HTL0067', { id: ownTeams[index] ?? '', what: 'teams in `directory`' }, ['directory', index, 'id']);
  for (const [id, node] of Object.entries(scenario.nodes)) {
    if (node.type === 'lookup') {
      node.right.forEach((article, i) => {
        if (!articleIds.includes(article)) {
          report('HTL0062', { node: id, article, suggestion: didYouMean(article, articleIds) }, ['nodes', id, 'right', i]);
        }
      });
      const found = searchArticles(index, node.task);
      if (!found.some((article) => !node.right.includes(article))) {
        report('HTL0064', { node: id, found: found.length === 0 ? 'no article' : 'only the right article' }, ['nodes', id, 'task']);
      }
    }
    if (node.type === 'transfer' || node.type === 'escalate') {
      node.to.forEach((team, i) => {
        if (!teamIds.includes(team)) {
          report('HTL0065', { what: `Step \`${id}\``, team, suggestion: didYouMean(team, teamIds) }, ['nodes', id, 'to', i]);
        }
      });
      if (node.handover !== undefined) {
        if ((node.mode ?? 'warm') === 'cold') report('HTL0066', { node: id, problem: 'the right way here is a cold transfer, which has no handover' }, ['nodes', id, 'handover']);
        else if (!node.handover.some((h) => h.right === true)) report('HTL0066', { node: id, problem: 'none is marked `right: true`' }, ['nodes', id, 'handover']);
      }
    }
  }
}

export function validateReferences(scenario: Scenario, file: string, locate: Locate, library: KnowledgeLibrary): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report: Report = (code, params, path) => {
    diagnostics.push(makeDiagnostic(code, params, file, locate(path)));
  };
  checkLinks(scenario, report);
  checkIdv(scenario, report);
  checkKnowledge(scenario, library, report);
  checkAuthority(scenario, report);
  checkEffects(scenario, report);
  checkIds(scenario, report);
  checkEndings(scenario, report);
  checkUnmetQaItems(scenario, report);
  return diagnostics;
}
