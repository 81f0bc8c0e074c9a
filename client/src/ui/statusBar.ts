/** The status line (what is drawn), the view caption, the hint line and the walk announcements. */
import type { App } from '../app.js';
import { membersStatus } from '../graph/lod/summaryNode.js';
import { $, clear, h } from '../lib/dom.js';

export function mountStatus(app: App): { renderStatus: () => void } {
  const statusEl = $('#status');
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
      // Above the edge budget the lowest-priority links are not drawn (graph/lod/edgeBudget.ts).
      const budget = v.lod.edgeStatus();
      if (budget) statusEl.append(h('span', { class: 'edge-budget' }, ` · ${budget}`));
      // A label opened from the summary overview: how many of its members are drawn.
      const m = app.state.spec.mode === 'members' ? app.members : null;
      if (m) statusEl.append(h('span', { class: 'members-status' }, ` · ${membersStatus(m.label, m.shown, m.total)}`));
    } else statusEl.append(h('span', { class: 'dot ok' }), 'Ready');
  };
  app.on('filters', renderStatus);
  app.on('busy', renderStatus);
  app.on('view', renderStatus);
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
    let back: HTMLElement | null = null;
    if (s.mode === 'overview' && app.summary)
      text = `Overview: one node per type${app.totals.nodes ? ` for ${app.totals.nodes.toLocaleString('en-US')} nodes` : ''} — open a type to see its members`;
    else if (s.mode === 'overview')
      text = `Overview: the ${Math.min(app.view?.graph.order ?? 0, 150)} most connected nodes${app.totals.nodes ? ` of ${app.totals.nodes}` : ''}`;
    else if (s.mode === 'members') {
      const m = app.members;
      text = `${s.label}: ${m ? `the ${m.shown.toLocaleString('en-US')} most connected of ${m.total.toLocaleString('en-US')}` : 'the most connected'}`;
      back = h(
        'button',
        {
          type: 'button',
          class: 'link-btn caption-back',
          title: 'Back to the overview: one node per type',
          onclick: () => void app.overview(),
        },
        '← all types',
      );
    } else if (s.mode === 'ego')
      text = `Neighbourhood of ${name(s.id)} (${s.depth ?? 1} hop${(s.depth ?? 1) > 1 ? 's' : ''})`;
    else if (s.mode === 'cypher') text = `Cypher result: ${s.query?.replace(/\s+/g, ' ').slice(0, 90) ?? ''}`;
    else if (s.mode === 'question') text = `Saved question: ${s.name}`;
    const o = app.state.overlay;
    if (o?.kind === 'paths') text += ` · paths ${name(o.from)} → ${name(o.to)}`;
    if (o?.kind === 'resistance') text += ` · resistance to ${name(o.target)}`;
    const ex = app.state.ops.length;
    if (ex) text += ` · ${ex} expansion${ex > 1 ? 's' : ''}`;
    clear(caption);
    if (back) caption.append(back, ' ');
    caption.append(text);
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
    else
      parts.push(
        'Scroll to zoom · drag to pan · double-click to expand · hover a link for its evidence · arrow keys pick a node',
      );
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
  return { renderStatus };
}
