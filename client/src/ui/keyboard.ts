/** Keyboard shortcuts of the whole page (see client/README.md, "Provenance and keyboard"). */
import type { App } from '../app.js';
import type { NodeCursor } from './nodeCursor.js';

const CURSOR_KEYS: Record<string, 1 | -1 | 'first' | 'last'> = {
  ArrowDown: 1,
  ArrowRight: 1,
  ArrowUp: -1,
  ArrowLeft: -1,
  Home: 'first',
  End: 'last',
};

export function bindKeyboard(app: App, search: { input: HTMLInputElement }, cursor: NodeCursor): void {
  // Keyboard: Ctrl+Z / Ctrl+Shift+Z undo and redo, "/" focuses search, Escape clears the selection, Alt+arrows for history; with
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
    const onCanvas = t.id === 'sigma';
    const step =
      e.key === ']' || (e.key === 'ArrowRight' && !onControl)
        ? 1
        : e.key === '[' || (e.key === 'ArrowLeft' && !onControl)
          ? -1
          : 0;
    const mod = (e.ctrlKey || e.metaKey) && !e.altKey;
    const z = e.key === 'z' || e.key === 'Z';
    if (mod && !typing && (z || e.key === 'y')) {
      // Ctrl+Z undoes, Ctrl+Shift+Z (or Ctrl+Y) redoes; text fields keep their own undo.
      e.preventDefault();
      void (z && !e.shiftKey ? app.undo() : app.redo());
    } else if (onCanvas && plain && !sel && CURSOR_KEYS[e.key] !== undefined) {
      // Nothing selected: the arrows walk all drawn nodes, Enter selects.
      e.preventDefault();
      cursor.move(CURSOR_KEYS[e.key]!);
    } else if (onCanvas && plain && !sel && e.key === 'Enter' && cursor.node) {
      e.preventDefault();
      cursor.choose();
    } else if (e.key === '/' && !typing) {
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
}
