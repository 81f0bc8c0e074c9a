/** Typed client of the Express JSON API. Every failure becomes an ApiError. */
import type { SearchHit, Subgraph } from '../../../ontology/index.js';

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

// The response shapes are the server's own types (one contract; `import type` is erased).
import type { CypherResult as ServerCypherResult } from '../../../server/queries/cypher.js';
import type { Health } from '../../../server/queries/health.js';
import type {
  NodeDetail,
  NodeRelationship,
  RelationshipCount,
  RelationshipPage,
} from '../../../server/queries/nodes.js';
import type { Overview, SchemaCounts } from '../../../server/queries/overview.js';
import type { PathResult } from '../../../server/queries/paths.js';
import type { Pathway, ResistanceResult } from '../../../server/queries/resistance.js';
import type { Question, QuestionSet } from '../../../server/lib/questions.js';

export type {
  Health,
  NodeDetail,
  Overview,
  PathResult,
  Pathway,
  Question,
  QuestionSet,
  RelationshipCount,
  RelationshipPage,
  ResistanceResult,
};
export type RelationshipInfo = NodeRelationship;
export type NodeDetails = NodeDetail;
export type Schema = SchemaCounts;
export type Neighbors = Subgraph & { truncated: boolean };
/** /api/cypher; a saved question's run adds `question`. */
export type CypherResult = ServerCypherResult & { question?: { name: string; title: string } };
export interface PathsResult {
  paths: PathResult[];
  graph: Subgraph;
}

export const api = {
  health: () => request<Health>('/api/health'),
  search: (q: string, limit = 10, signal?: AbortSignal) =>
    request<SearchHit[]>(`/api/search${qs({ q, limit })}`, { signal }),
  node: (id: string) => request<NodeDetails>(`/api/nodes/${encodeURIComponent(id)}`),
  /** `aggregate`: one "+N more TYPE" node per group the server cut (progressive loading). */
  neighbors: (id: string, depth = 1, types?: string[], aggregate = false) =>
    request<Neighbors>(
      `/api/nodes/${encodeURIComponent(id)}/neighbors${qs({ depth, types: types?.join(','), aggregate: aggregate ? 1 : undefined })}`,
    ),
  /** One page of a node's relationships of one type and direction (`cursor`: a page's `next`). */
  relationships: (id: string, type: string, direction: 'out' | 'in', cursor: string | null, limit = 100) =>
    request<RelationshipPage>(
      `/api/nodes/${encodeURIComponent(id)}/relationships${qs({ type, direction, cursor, limit })}`,
    ),
  /** `mode`: `auto` (the server picks: the label summary of a large graph), `top` (most connected), `summary`. */
  graph: (limit = 150, labels?: string[], mode?: Overview['mode'] | 'auto') =>
    request<Overview>(`/api/graph${qs({ limit, labels: labels?.join(','), mode })}`),
  schema: () => request<Schema>('/api/schema'),
  cypher: (query: string, params: Record<string, unknown> = {}) =>
    request<CypherResult>('/api/cypher', { method: 'POST', body: JSON.stringify({ query, params }) }),
  paths: (from: string, to: string, maxDepth = 4, types?: string[]) =>
    request<PathsResult>(`/api/paths${qs({ from, to, maxDepth, types: types?.join(',') })}`),
  resistance: (target: string) => request<ResistanceResult>(`/api/resistance${qs({ target })}`),
  questions: () => request<QuestionSet>('/api/questions'),
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
