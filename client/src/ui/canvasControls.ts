/** Over the canvas: zoom buttons, what clicks on nodes, edges and the stage do, the edge tooltip, the toast. */
import type { App } from '../app.js';
import { EdgeTooltip } from '../components/edgeTooltip.js';
import type { GraphView } from '../graph/view.js';
import { $, h } from '../lib/dom.js';

export function mountCanvasControls(app: App, view: GraphView | null): void {
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
}
