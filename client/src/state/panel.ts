/** The open panel (tab) on the right: details, evidence, paths, resistance, questions, cypher. */
export interface PanelState {
  tab: string;
}
export type PanelAction = { type: 'openPanel'; tab: string };

export function panelReducer<S extends PanelState>(s: S, a: PanelAction): S {
  return s.tab === a.tab ? s : { ...s, tab: a.tab };
}
