/** Layout: ForceAtlas2 (web worker) start/stop, grouped-by-type layout, fit to screen. */
import type { App } from '../app.js';
import { h } from '../lib/dom.js';
import { LABEL_DENSITY_RANGE } from '../state/appearance.js';

export class LayoutControls {
  readonly el: HTMLElement;
  private fa2Btn: HTMLButtonElement;
  private density: HTMLInputElement;

  constructor(private app: App) {
    this.fa2Btn = h(
      'button',
      { type: 'button', class: 'btn small', id: 'btn-fa2', onclick: () => this.toggle() },
      'Start ForceAtlas2',
    );
    // Label density: labels per grid cell (sigma avoids overlaps within a cell). One undo
    // step per change, not per pixel dragged.
    this.density = h('input', {
      type: 'range',
      id: 'label-density',
      min: String(LABEL_DENSITY_RANGE.min),
      max: String(LABEL_DENSITY_RANGE.max),
      step: '0.1',
      value: String(app.state.labelDensity),
    });
    this.density.addEventListener('change', () => app.setFilters({ labelDensity: Number(this.density.value) }));
    app.on('filters', () => {
      this.density.value = String(app.state.labelDensity);
    });
    this.el = h(
      'section',
      { class: 'section' },
      h('h2', null, 'Layout'),
      h('div', { class: 'density-row' }, h('label', { for: 'label-density' }, 'Label density'), this.density),
      h(
        'div',
        { class: 'btn-row' },
        this.fa2Btn,
        h(
          'button',
          {
            type: 'button',
            class: 'btn small',
            id: 'btn-group-layout',
            title: 'One cluster per node type',
            onclick: () => app.view?.layoutByType(),
          },
          'Group by type',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'btn small',
            id: 'btn-reseed',
            title: 'Lay the graph out again from another seed (Back returns to this one)',
            onclick: () => void app.reseed(),
          },
          'New layout',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'btn small',
            id: 'btn-fit',
            title: 'Fit the graph to the screen',
            onclick: () => app.view?.fit(),
          },
          'Fit',
        ),
      ),
    );
    app.view?.on('layout', () => this.render());
    this.render();
  }

  private toggle(): void {
    const v = this.app.view;
    if (!v) return;
    if (v.isLayoutRunning()) v.stopLayout();
    else v.startLayout(Infinity);
  }

  render(): void {
    const running = !!this.app.view?.isLayoutRunning();
    this.fa2Btn.textContent = running ? 'Stop ForceAtlas2' : 'Start ForceAtlas2';
    this.fa2Btn.classList.toggle('active', running);
    this.fa2Btn.setAttribute('aria-pressed', String(running));
  }
}
