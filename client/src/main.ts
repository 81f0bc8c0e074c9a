/** Checkpoint Atlas viewer: wires the graph view, the App state and the components. */
import { App } from './app.js';
import { GraphView, hasWebGL } from './graph/view.js';
import { api } from './lib/api.js';
import { $ } from './lib/dom.js';
import { SearchBox } from './components/search.js';
import { DetailsPanel } from './components/details.js';
import { Legend } from './components/legend.js';
import { LayoutControls } from './components/layoutControls.js';
import { mountPanels } from './components/panels.js';
import { ExportMenu } from './components/export.js';
import { showBanner, showStage, showWebGLMissing } from './ui/stage.js';
import { mountStatus } from './ui/statusBar.js';
import { mountCanvasControls } from './ui/canvasControls.js';
import { bindKeyboard } from './ui/keyboard.js';
import { NodeCursor } from './ui/nodeCursor.js';

const container = $('#sigma');
// The canvas takes keyboard focus: ] [ ← → walk the neighbours, Enter expands, Esc clears.
container.tabIndex = 0;
container.setAttribute('role', 'application');
container.setAttribute(
  'aria-label',
  'Knowledge graph. Nothing selected: arrow keys move through the drawn nodes, Enter selects. With a node selected: ] or → next neighbour, [ or ← previous neighbour, Enter expands it, Escape clears the selection.',
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
const { renderStatus } = mountStatus(app);
app.connectivity.on('change', (c) => {
  showBanner(c);
  renderStatus();
});
if (!view) showWebGLMissing(container);

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
const undoBtn = $('#btn-undo') as HTMLButtonElement;
const redoBtn = $('#btn-redo') as HTMLButtonElement;
undoBtn.addEventListener('click', () => void app.undo());
redoBtn.addEventListener('click', () => void app.redo());
const syncHistory = () => {
  backBtn.disabled = !app.canBack;
  fwdBtn.disabled = !app.canForward;
  undoBtn.disabled = !app.canUndo;
  redoBtn.disabled = !app.canRedo;
};
app.on('history', syncHistory);
syncHistory();
mountCanvasControls(app, view);

// Sidebar and right panel.
const sidebar = $('#sidebar');
const legend = new Legend(app);
const layout = new LayoutControls(app);
const exporter = new ExportMenu(app);
sidebar.append(legend.el, layout.el, exporter.el);
const details = new DetailsPanel(app);
const panels = mountPanels(app, $('#panel'), details);
const cursor = new NodeCursor(app, (text) => {
  const live = document.getElementById('walk-status');
  if (live) live.textContent = text;
});
bindKeyboard(app, search, cursor);

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
