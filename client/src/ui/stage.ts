/** What is shown over the canvas: the connectivity banner, stage messages, and the no-WebGL notice. */
import type { StageMessage } from '../app/stageMessages.js';
import type { Connectivity } from '../lib/connectivity.js';
import { $, clear, h } from '../lib/dom.js';

const bannerEl = $('#banner');
const overlayEl = $('#stage-overlay');

/** The connectivity banner: up only while /api/health says the API or Neo4j is down. */
export function showBanner(c: Connectivity): void {
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

export function showStage(m: StageMessage | null): void {
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

/** Shown instead of the canvas when the browser has no WebGL. */
export function showWebGLMissing(container: HTMLElement): void {
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
