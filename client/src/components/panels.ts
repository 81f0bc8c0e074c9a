/** The right-hand panel: tabs for details and the tools. */
import type { App } from '../app.js';
import { h } from '../lib/dom.js';
import type { DetailsPanel } from './details.js';
import { PathsPanel } from './paths.js';
import { ResistancePanel } from './resistance.js';
import { CypherPanel } from './cypher.js';
import { QuestionsPanel } from './questions.js';
import { EvidencePanel } from './evidence.js';

export interface PanelTab {
  id: string;
  title: string;
  el: HTMLElement;
  wide?: boolean;
  onShow?: () => void;
  onHide?: () => void;
}

export function mountTabs(app: App, host: HTMLElement, tabs: PanelTab[]): { show: (id: string) => void } {
  const bar = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Panels' });
  const buttons = new Map<string, HTMLButtonElement>();
  const panes = new Map<string, HTMLElement>();
  for (const t of tabs) {
    const b = h(
      'button',
      {
        type: 'button',
        class: 'tab',
        role: 'tab',
        id: `tab-${t.id}`,
        'aria-controls': `pane-${t.id}`,
        'aria-selected': 'false',
        tabindex: '-1',
      },
      t.title,
    );
    b.addEventListener('click', () => app.setTab(t.id));
    b.addEventListener('keydown', (e) => {
      const i = tabs.indexOf(t);
      const next =
        e.key === 'ArrowRight'
          ? tabs[(i + 1) % tabs.length]
          : e.key === 'ArrowLeft'
            ? tabs[(i - 1 + tabs.length) % tabs.length]
            : null;
      if (next) {
        e.preventDefault();
        app.setTab(next.id);
        buttons.get(next.id)?.focus();
      }
    });
    buttons.set(t.id, b);
    bar.append(b);
    const pane = h(
      'div',
      { class: 'tabpanel', role: 'tabpanel', id: `pane-${t.id}`, 'aria-labelledby': `tab-${t.id}`, hidden: true },
      t.el,
    );
    panes.set(t.id, pane);
  }
  host.append(bar, ...panes.values());
  const layout = host.closest('.layout');
  let shown = '';
  const show = (id: string) => {
    const tab = tabs.find((t) => t.id === id) ?? tabs[0]!;
    for (const t of tabs) {
      const on = t === tab;
      buttons.get(t.id)!.setAttribute('aria-selected', String(on));
      buttons.get(t.id)!.tabIndex = on ? 0 : -1;
      panes.get(t.id)!.hidden = !on;
    }
    layout?.classList.toggle('wide-panel', !!tab.wide);
    if (shown !== tab.id) {
      tabs.find((t) => t.id === shown)?.onHide?.();
      tab.onShow?.();
    }
    shown = tab.id;
    // The canvas changes size: the view's ResizeObserver re-measures and redraws.
  };
  app.on('tab', () => show(app.state.tab));
  show(app.state.tab);
  return { show };
}

export interface Panels {
  show: (id: string) => void;
  paths: PathsPanel;
  resistance: ResistancePanel;
  cypher: CypherPanel;
  questions: QuestionsPanel;
  evidence: EvidencePanel;
}

export function mountPanels(app: App, host: HTMLElement, details: DetailsPanel): Panels {
  const paths = new PathsPanel(app);
  const resistance = new ResistancePanel(app);
  const cypher = new CypherPanel(app);
  const questions = new QuestionsPanel(app);
  const evidence = new EvidencePanel(app);
  questions.onEdit = (q) => {
    cypher.setValue(q);
    app.setTab('cypher');
  };
  const tabs: PanelTab[] = [
    { id: 'details', title: 'Details', el: details.el },
    { id: 'paths', title: 'Paths', el: paths.el },
    { id: 'resistance', title: 'Resistance', el: resistance.el },
    { id: 'cypher', title: 'Cypher', el: cypher.el, wide: true, onShow: () => void cypher.ensureEditor() },
    { id: 'questions', title: 'Questions', el: questions.el, wide: true, onShow: () => void questions.load() },
    {
      id: 'evidence',
      title: 'Evidence',
      el: evidence.el,
      wide: true,
      onShow: () => {
        evidence.visible = true;
        evidence.render();
      },
      onHide: () => {
        evidence.visible = false;
      },
    },
  ];
  const { show } = mountTabs(app, host, tabs);
  return { show, paths, resistance, cypher, questions, evidence };
}
