/**
 * Tabs for the workbench's side pane (map and report, play from here, classroom), following the
 * ARIA tabs pattern: arrow keys move between tabs, each tab names its panel.
 */
import { h } from '../ui/dom.ts';

export interface SideTab {
  readonly id: string;
  readonly label: string;
  readonly body: readonly HTMLElement[];
}

export function sideTabs(tabs: readonly SideTab[]): HTMLElement {
  const buttons = tabs.map((t, i) => h('button', { type: 'button', role: 'tab', class: 'wb-tab', id: `tab-${t.id}`, 'aria-controls': `panel-${t.id}`, 'aria-selected': i === 0 ? 'true' : 'false', tabindex: i === 0 ? 0 : -1, 'data-testid': `tab-${t.id}` }, t.label));
  const panels = tabs.map((t, i) => h('div', { role: 'tabpanel', class: 'wb-tabpanel', id: `panel-${t.id}`, 'aria-labelledby': `tab-${t.id}`, hidden: i !== 0 }, [...t.body]));
  const select = (index: number) => {
    buttons.forEach((b, i) => {
      b.setAttribute('aria-selected', i === index ? 'true' : 'false');
      b.tabIndex = i === index ? 0 : -1;
      panels[i]!.hidden = i !== index;
    });
    buttons[index]!.focus();
  };
  buttons.forEach((b, i) => {
    b.addEventListener('click', () => select(i));
    b.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowRight') select((i + 1) % buttons.length);
      else if (e.key === 'ArrowLeft') select((i - 1 + buttons.length) % buttons.length);
      else return;
      e.preventDefault();
    });
  });
  return h('div', { class: 'wb-side-tabs' }, h('div', { role: 'tablist', class: 'wb-tabs', 'aria-label': 'Map, testing and classroom' }, buttons), panels);
}
