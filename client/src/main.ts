/** Checkpoint Atlas viewer: wires the graph view, the App state and the components. */
import { App, type StageMessage } from './app.js';
import { GraphView, hasWebGL } from './graph/view.js';
import { api } from './lib/api.js';
import type { Connectivity } from './lib/connectivity.js';
import { $, clear, h } from './lib/dom.js';
import { SearchBox } from './components/search.js';
import { DetailsPanel } from './components/details.js';
import { Legend } from './components/legend.js';
import { LayoutControls } from './components/layoutControls.js';
import { mountPanels } from './components/panels.js';
import { ExportMenu } from './components/export.js';
import { EdgeTooltip } from './components/edgeTooltip.js';

const bannerEl = $('#banner');
const overlayEl = $('#stage-overlay');
const statusEl = $('#status');

/** The connectivity banner: up only while /api/health says the API or Neo4j is down. */
function showBanner(c: Connectivity): void {
  clear(bannerEl);
  if (c.status !== 'down') {
    bannerEl.hidden = true;
    return;
  }
  bannerEl.hidden = false;
  bannerEl.append(
    h('strong', null, c.kind === 'database' ? 'Database unavailable.' : 'API unreachable.'),
    h('span', null, c.reason),
    h('span', { class: 'note' }, 'Checking again every few seconds…'),
  );
}

function showStage(m: StageMessage | null): void {
  clear(overlayEl);
  overlayEl.hidden = !m;
  if (!m) return;
  overlayEl.dataset.kind = m.kind;
  overlayEl.append(
    h(
      'div',
      { class: 'card', role: m.kind === 'error' ? 'alert' : 'status' },
      m.kind === 'loading' ? h('div', { class: 'spinner' }) : null,
      h('h2', null, m.title),
      m.text ? h('p', null, m.text) : null,
      m.action ? h('button', { type: 'button', class: 'btn primary', onclick: m.action.run }, m.action.label) : null,
    ),
  );
}

const container = $('#sigma');
// The canvas takes keyboard focus: ] [ ← → walk the neighbours, Enter expands, Esc clears.
container.tabIndex = 0;
container.setAttribute('role', 'application');
container.setAttribute(
  'aria-label',
  'Knowledge graph. With a node selected: ] or → next neighbour, [ or ← previous neighbour, Enter expands it, Escape clears the selection.',
);
container.setAttribute('aria-describedby', 'stage-info');
let view: GraphView | null = null;
if (hasWebGL()) {
  try {
    view = new GraphView(container);
  } catch (e) {
    console.error(e);
    view = null;
  }
}
const app = new App(view, { stage: showStage });
app.connectivity.on('change', (c) => {
  showBanner(c);
  renderStatus();
});

if (!view) {
  container.append(
    h(
      'div',
      { class: 'webgl-missing' },
      h(
        'div',
        {
          class: 'card',
          role: 'alert',
          style:
            'max-width:460px;text-align:center;background:#fff;border:1px solid #dde1e7;border-radius:8px;padding:18px',
        },
        h('h2', { style: 'margin:0 0 6px;font-size:16px' }, 'WebGL is not available'),
        h(
          'p',
          { style: 'color:#5f6b7a;margin:0' },
          'The graph canvas needs WebGL. Enable hardware acceleration (or use a browser with WebGL support). Search, details and the Cypher panel still work.',
        ),
      ),
    ),
  );
}

// Header: search, history, status.
const search = new SearchBox({
  label: 'Search',
  placeholder: 'Search drugs, targets, trials, biomarkers…  ( / )',
  onPick: (hit) => void app.select(hit.id),
});
$('#search-slot').append(search.el);
const backBtn = $('#btn-back') as HTMLButtonElement;
const fwdBtn = $('#btn-forward') as HTMLButtonElement;
backBtn.addEventListener('click', () => history.back());
fwdBtn.addEventListener('click', () => history.forward());
$('#btn-home').addEventListener('click', () => void app.overview());
// Narrow windows (≤ 1000 px): the legend and filters fold into a drawer over the canvas.
const sidebarBtn = $('#btn-sidebar');
const setSidebar = (open: boolean) => {
  $('.layout').classList.toggle('sidebar-open', open);
  sidebarBtn.setAttribute('aria-expanded', String(open));
};
sidebarBtn.addEventListener('click', () => setSidebar(sidebarBtn.getAttribute('aria-expanded') !== 'true'));
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && sidebarBtn.getAttribute('aria-expanded') === 'true') setSidebar(false);
});
$('#btn-copy-link').addEventListener('click', () => {
  const url = location.href;
  navigator.clipboard.writeText(url).then(
    () => app.notify('Link copied: it reopens this picture'),
    () => {
      // No clipboard (permissions): show it to copy by hand.
      window.prompt('Copy this link', url);
    },
  );
});
const syncHistory = () => {
  backBtn.disabled = !app.canBack;
  fwdBtn.disabled = !app.canForward;
};
app.on('history', syncHistory);
syncHistory();

const renderStatus = () => {
  clear(statusEl);
  const v = app.view;
  if (app.busy) statusEl.append(h('span', { class: 'dot busy' }), 'Loading…');
  else if (app.connectivity.down) statusEl.append(h('span', { class: 'dot bad' }), 'Offline');
  else if (v) {
    // What is drawn: filters applied; the loaded total when filters hide some.
    const c = v.visibleCounts();
    const hidden = c.nodes < v.graph.order || c.edges < v.graph.size;
    statusEl.append(
      h('span', { class: 'dot ok' }),
      `${c.nodes} nodes · ${c.edges} links shown${hidden ? ` (of ${v.graph.order} · ${v.graph.size} loaded)` : ''}`,
    );
  } else statusEl.append(h('span', { class: 'dot ok' }), 'Ready');
};
app.on('filters', renderStatus);
app.on('busy', renderStatus);
app.on('view', renderStatus);
view?.on('change', renderStatus);

// Stage: zoom buttons, info line, caption.
if (view) {
  const v = view;
  const cam = v.sigma.getCamera();
  $('.stage').append(
    h(
      'div',
      { class: 'zoom-controls' },
      h(
        'button',
        {
          type: 'button',
          class: 'icon-btn',
          'aria-label': 'Zoom in',
          title: 'Zoom in',
          onclick: () => void cam.animatedZoom({ duration: 250 }),
        },
        '+',
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'icon-btn',
          'aria-label': 'Zoom out',
          title: 'Zoom out',
          onclick: () => void cam.animatedUnzoom({ duration: 250 }),
        },
        '−',
      ),
      h(
        'button',
        { type: 'button', class: 'icon-btn', 'aria-label': 'Fit graph', title: 'Fit', onclick: () => v.fit() },
        '⤢',
      ),
    ),
  );
  v.on('clickNode', (id: string) => void app.select(id, { center: false }));
  v.on('doubleClickNode', (id: string) => void app.expand(id));
  v.on('clickEdge', (id: string) => void app.selectEdge(id));
  v.on('clickStage', () => {
    if (app.state.selected) void app.select(null, { center: false });
    else if (app.selectedEdge) void app.selectEdge(null);
  });
  new EdgeTooltip(v, $('.stage'));
}
const toast = h('div', { class: 'toast', role: 'status', 'aria-live': 'polite', hidden: true });
$('.stage').append(toast);
let toastTimer: ReturnType<typeof setTimeout> | undefined;
app.on('notice', () => {
  toast.textContent = app.notice;
  toast.hidden = !app.notice;
  if (toastTimer) clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (toast.hidden = true), 3500);
});
const caption = $('#view-caption');
const info = $('#stage-info');
const renderCaption = () => {
  const s = app.state.spec;
  if (!app.view || app.view.graph.order === 0) {
    caption.textContent = '';
    return;
  }
  const name = (id?: string) =>
    id && app.view?.graph.hasNode(id) ? app.view.graph.getNodeAttribute(id, 'label') : (id ?? '');
  let text = '';
  if (s.mode === 'overview')
    text = `Overview: the ${Math.min(app.view?.graph.order ?? 0, 150)} most connected nodes${app.totals.nodes ? ` of ${app.totals.nodes}` : ''}`;
  else if (s.mode === 'ego')
    text = `Neighbourhood of ${name(s.id)} (${s.depth ?? 1} hop${(s.depth ?? 1) > 1 ? 's' : ''})`;
  else if (s.mode === 'cypher') text = `Cypher result: ${s.query?.replace(/\s+/g, ' ').slice(0, 90) ?? ''}`;
  else if (s.mode === 'question') text = `Saved question: ${s.name}`;
  const o = app.state.overlay;
  if (o?.kind === 'paths') text += ` · paths ${name(o.from)} → ${name(o.to)}`;
  if (o?.kind === 'resistance') text += ` · resistance to ${name(o.target)}`;
  const ex = app.state.ops.length;
  if (ex) text += ` · ${ex} expansion${ex > 1 ? 's' : ''}`;
  caption.textContent = text;
  renderInfo();
};
/** The hint line at the bottom left: mouse gestures, or the keys when a node is selected. */
const renderInfo = () => {
  clear(info);
  const hidden = app.state.hiddenLabels.length + app.state.hiddenRelTypes.length;
  const parts: (string | HTMLElement)[] = [];
  if (hidden) parts.push(`${hidden} type filter${hidden > 1 ? 's' : ''} active · `);
  const k = (t: string) => h('kbd', null, t);
  const walk = app.walk && app.walk.node === app.state.selected ? app.walk : null;
  if (walk) parts.push(h('strong', { class: 'walk' }, walk.text[0]!.toUpperCase() + walk.text.slice(1)), ' · ');
  if (app.state.selected)
    parts.push(
      k(']'),
      ' ',
      k('['),
      ' or ',
      k('→'),
      ' ',
      k('←'),
      ' neighbours · ',
      k('Enter'),
      ' expand · ',
      k('Esc'),
      ' clear',
    );
  else if (app.selectedEdge) parts.push('Relationship in the details · ', k('Esc'), ' close');
  else parts.push('Scroll to zoom · drag to pan · double-click a node to expand · hover a link for its evidence');
  info.append(...parts);
};
for (const ev of ['view', 'filters', 'overlay'] as const) app.on(ev, renderCaption);
app.on('selection', renderInfo);
app.on('edgeSelection', renderInfo);
// Keyboard walks are announced to screen readers (the hint line shows the same).
const srStatus = h('div', { class: 'sr-only', role: 'status', 'aria-live': 'polite', id: 'walk-status' });
$('.stage').append(srStatus);
app.on('walk', () => {
  renderInfo();
  const w = app.walk;
  srStatus.textContent = w ? `${app.nameOf(w.node)}, ${w.text}` : '';
});

// Sidebar and right panel.
const sidebar = $('#sidebar');
const legend = new Legend(app);
const layout = new LayoutControls(app);
const exporter = new ExportMenu(app);
sidebar.append(legend.el, layout.el, exporter.el);
const details = new DetailsPanel(app);
const panels = mountPanels(app, $('#panel'), details);

// Keyboard: "/" focuses search, Escape clears the selection, Alt+arrows for history; with
// a node selected, ] / [ (anywhere but a text field) and → / ← (not on a control, whose own
// arrow keys win, e.g. the panel tabs) step through its neighbours, Enter expands it.
document.addEventListener('keydown', (e) => {
  const t = e.target as HTMLElement;
  const typing = t.closest('input, textarea, select, .cm-editor, [contenteditable="true"]');
  const onControl = t.closest(
    'button, a[href], summary, [role="tab"], [role="option"], [role="button"], [role="menuitem"]',
  );
  const plain = !e.altKey && !e.ctrlKey && !e.metaKey;
  const sel = app.state.selected;
  const step =
    e.key === ']' || (e.key === 'ArrowRight' && !onControl)
      ? 1
      : e.key === '[' || (e.key === 'ArrowLeft' && !onControl)
        ? -1
        : 0;
  if (e.key === '/' && !typing) {
    e.preventDefault();
    search.input.focus();
  } else if (e.key === 'Escape' && !typing && (sel || app.selectedEdge)) {
    if (sel) void app.select(null, { center: false });
    else void app.selectEdge(null);
  } else if (step && plain && !typing && sel && app.view) {
    e.preventDefault();
    void app.cycleNeighbor(step);
  } else if (e.key === 'Enter' && plain && !typing && !onControl && sel && app.view) {
    e.preventDefault();
    void app.expand(sel);
  } else if (e.altKey && e.key === 'ArrowLeft' && !typing) {
    history.back();
  } else if (e.altKey && e.key === 'ArrowRight' && !typing) {
    history.forward();
  }
});

// Debug/test handle.
declare global {
  interface Window {
    __atlas: unknown;
  }
}
window.__atlas = {
  app,
  view,
  api,
  panels,
  get graph() {
    return view?.graph ?? null;
  },
  get sigma() {
    return view?.sigma ?? null;
  },
  get ready() {
    return app.busy === 0 && !!view && view.graph.order > 0;
  },
};

void app.init().then(() => {
  renderStatus();
  app.trackLayout();
});
