/** The type names drawn over the clusters of the grouped layout: DOM labels that follow the camera. */
import type { AtlasSigma } from './renderer.js';

export interface GroupLabel {
  text: string;
  color: string;
  x: number;
  y: number;
}

export class GroupLabels {
  private labels: GroupLabel[] = [];
  private layer: HTMLElement;

  constructor(private sigma: AtlasSigma) {
    this.layer = document.createElement('div');
    this.layer.className = 'group-labels';
    sigma.getContainer().appendChild(this.layer);
    sigma.on('afterRender', () => this.place());
  }

  get count(): number {
    return this.labels.length;
  }

  set(labels: GroupLabel[]): void {
    this.labels = labels;
    while (this.layer.firstChild) this.layer.removeChild(this.layer.firstChild);
    for (const l of labels) {
      const el = document.createElement('span');
      el.className = 'group-label';
      el.textContent = l.text;
      el.style.borderColor = l.color;
      this.layer.appendChild(el);
    }
    this.place();
  }

  private place(): void {
    if (!this.labels.length) return;
    const els = this.layer.children;
    this.labels.forEach((l, i) => {
      const p = this.sigma.graphToViewport({ x: l.x, y: l.y });
      const el = els[i] as HTMLElement | undefined;
      if (el) el.style.transform = `translate(${Math.round(p.x)}px, ${Math.round(p.y)}px) translate(-50%, -100%)`;
    });
  }
}
