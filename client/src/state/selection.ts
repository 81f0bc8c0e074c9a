/** Selection and hover: the selected node (in the URL), the node and relationship under the pointer. */
export interface SelectionState {
  selected: string | null;
  hovered: string | null;
  /** Relationship under the pointer (element id; not in the URL). */
  hoveredEdge: string | null;
}

export type SelectionAction =
  | { type: 'select'; id: string | null }
  | { type: 'hover'; id: string | null }
  | { type: 'hoverEdge'; id: string | null };

export function selectionReducer<S extends SelectionState>(s: S, a: SelectionAction): S {
  switch (a.type) {
    case 'select':
      return s.selected === a.id ? s : { ...s, selected: a.id };
    case 'hover':
      return s.hovered === a.id ? s : { ...s, hovered: a.id };
    case 'hoverEdge':
      return s.hoveredEdge === a.id ? s : { ...s, hoveredEdge: a.id };
  }
}
