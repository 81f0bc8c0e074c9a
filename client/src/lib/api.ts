/** Typed client of the Express JSON API. Every failure becomes an ApiError. */
import type { GraphEdge, GraphNode, NodeLabel, SearchHit, Subgraph } from '../../../ontology/index.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly reason?: string,
    readonly code?: string,
  ) {
    super(reason ? `${error}: ${reason}` : error);
  }
  /** Neo4j (or the API) is unreachable. */
  get unavailable(): boolean {
    return this.status === 503 || this.status === 0 || this.status === 502 || this.status === 504;
  }
}

async function request<T>(path: string, init?: RequestInit & { signal?: AbortSignal }): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) },
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'The API server cannot be reached', (e as Error).message);
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  if (!res.ok) {
    const b = (body ?? {}) as { error?: unknown; reason?: unknown; message?: unknown; code?: unknown };
    const error = typeof b.error === 'string' ? b.error : `HTTP ${res.status} ${res.statusText}`;
    const reason =
      typeof b.reason === 'string'
        ? b.reason
        : typeof b.message === 'string'
          ? b.message
          : body === undefined && text
            ? text.slice(0, 200)
            : undefined;
    throw new ApiError(res.status, error, reason, typeof b.code === 'string' ? b.code : undefined);
  }
  if (body === undefined)
    throw new ApiError(res.status, 'The API answered with something that is not JSON', text.slice(0, 200));
  return body as T;
}

const qs = (o: Record<string, string | number | undefined | null>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
};

export interface GraphResponse extends Subgraph {
  total?: unknown;
  totals?: unknown;
  [k: string]: unknown;
}
export interface RelationshipInfo {
  id: string;
  type: string;
  direction: 'out' | 'in';
  other: { id: string; name: string; label: NodeLabel };
  props: Record<string, unknown> & { refs?: number[]; evidence?: string; section?: string; source?: string };
}
export interface NodeDetails {
  node: GraphNode & { description?: string; synonyms?: string[]; refs?: number[] };
  relationships: RelationshipInfo[];
}
export interface Schema {
  labels: { label: string; count: number }[];
  relationshipTypes: { type: string; count: number }[];
  propertyKeys?: string[];
}
export interface CypherResult {
  columns: string[];
  rows: unknown[];
  graph: Subgraph;
  truncated?: boolean;
}
export interface PathsResult {
  paths: { nodes: GraphNode[]; edges: GraphEdge[]; chain: unknown }[];
  graph: Subgraph;
}
export interface NamedRef {
  id: string;
  name: string;
  label?: string;
}
export interface Pathway {
  mechanism: NamedRef | string;
  resists?: NamedRef;
  evidence?: unknown;
  refs?: unknown;
  drivers: (NamedRef | string)[];
  overcomeBy: ((NamedRef & { overcomes?: string }) | string)[];
  chain: unknown;
  chains?: unknown[];
}
export interface ResistanceResult {
  target?: NamedRef;
  pathways: Pathway[];
  graph: Subgraph;
}
export interface QuestionParam {
  name: string;
  type?: string;
  label?: string;
  description?: string;
  default?: unknown;
  [k: string]: unknown;
}
export interface Question {
  name: string;
  title: string;
  description?: string;
  params?: QuestionParam[] | Record<string, unknown>;
  query?: string;
}
export interface QuestionSet {
  questions: Question[];
  problems: { file: string; message: string }[];
}

export const api = {
  health: () => request<Record<string, unknown>>('/api/health'),
  search: (q: string, limit = 10, signal?: AbortSignal) =>
    request<SearchHit[]>(`/api/search${qs({ q, limit })}`, { signal }),
  node: (id: string) => request<NodeDetails>(`/api/nodes/${encodeURIComponent(id)}`),
  neighbors: (id: string, depth = 1, types?: string[]) =>
    request<GraphResponse>(`/api/nodes/${encodeURIComponent(id)}/neighbors${qs({ depth, types: types?.join(',') })}`),
  graph: (limit = 150, labels?: string[]) =>
    request<GraphResponse>(`/api/graph${qs({ limit, labels: labels?.join(',') })}`),
  schema: () => request<Schema>('/api/schema'),
  cypher: (query: string, params: Record<string, unknown> = {}) =>
    request<CypherResult>('/api/cypher', { method: 'POST', body: JSON.stringify({ query, params }) }),
  paths: (from: string, to: string, maxDepth = 4, types?: string[]) =>
    request<PathsResult>(`/api/paths${qs({ from, to, maxDepth, types: types?.join(',') })}`),
  resistance: (target: string) => request<ResistanceResult>(`/api/resistance${qs({ target })}`),
  questions: async (): Promise<QuestionSet> => {
    const r = await request<Question[] | Partial<QuestionSet>>('/api/questions');
    return Array.isArray(r)
      ? { questions: r, problems: [] }
      : { questions: r.questions ?? [], problems: r.problems ?? [] };
  },
  runQuestion: (name: string, params: Record<string, unknown>) =>
    request<CypherResult>(`/api/questions/${encodeURIComponent(name)}/run`, {
      method: 'POST',
      body: JSON.stringify({ params }),
    }),
};

/** Normalise a subgraph-like response (tolerates missing arrays). */
export function asSubgraph(x: unknown): Subgraph {
  const o = (x ?? {}) as Partial<Subgraph>;
  return { nodes: Array.isArray(o.nodes) ? o.nodes : [], edges: Array.isArray(o.edges) ? o.edges : [] };
}
