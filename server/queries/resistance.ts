/**
 * GET /api/resistance?target=: every resistance pathway ending in a drug or drug class
 * (ONTOLOGY.md, "A resistance pathway"). A class also collects its sub-classes and
 * their member drugs; a drug also its classes and their parents, since resistance to
 * "TKIs" is resistance to sorafenib too.
 */
import neo4j, { type Node, type Path, type Relationship } from 'neo4j-driver';
import type { GraphNode, Subgraph } from '../../ontology/index.js';
import { GraphCollector, nodeId, toGraphNode } from '../db/convert.js';
import type { GraphDb } from '../db/graph-db.js';
import { BadParameterError, NotFoundError } from '../errors.js';
import { type Truncated, truncation } from './bounds.js';
import { pathResult } from './paths.js';

export interface Pathway {
  mechanism: GraphNode;
  /** The drug or class the mechanism confers resistance to. */
  resists: GraphNode;
  evidence?: unknown;
  refs?: unknown;
  /** Targets, biomarkers and cell types upstream of the mechanism (1–3 steps). */
  drivers: GraphNode[];
  /** Drugs or regimens with an OVERCOMES edge into the mechanism or a mechanism upstream of it. */
  overcomeBy: (GraphNode & { overcomes: string })[];
  /** Longest driver chain, e.g. "JNK –PROMOTES→ CD133 –PARTICIPATES_IN→ … –CONFERS_RESISTANCE_TO→ Sorafenib". */
  chain: string;
  /** Every maximal driver chain (a chain that is part of a longer one is left out). */
  chains: string[];
}

export interface ResistanceResult {
  target: GraphNode;
  pathways: Pathway[];
  graph: Subgraph;
  /** `limit` when driver chains past MAX_DRIVER_PATHS (longest first) were left out. */
  truncated: Truncated;
}

/** Driver chains read per request, longest first: a bound on the response for hub mechanisms. */
export const MAX_DRIVER_PATHS = 2_000;

export async function resistance(db: GraphDb, targetId: string): Promise<ResistanceResult> {
  return db.read(async (tx) => {
    const t = (await tx.run('MATCH (t:Entity {id: $id}) RETURN t', { id: targetId })).records[0]?.get('t') as
      | Node
      | undefined;
    if (!t) throw new NotFoundError(`node "${targetId}"`, { id: targetId });
    if (!t.labels.includes('Drug') && !t.labels.includes('DrugClass')) {
      throw new BadParameterError(
        'target',
        `"${targetId}" is a ${t.labels.filter((l) => l !== 'Entity').join('/')}, not a Drug or DrugClass`,
      );
    }
    const collector = new GraphCollector();
    collector.add(t);

    // The ends a pathway may reach, with the IN_CLASS / SUBCLASS_OF edges that tie them to the target.
    const related = await tx.run(
      t.labels.includes('Drug')
        ? `MATCH p = (t:Entity {id: $id})-[:IN_CLASS]->(:DrugClass)-[:SUBCLASS_OF*0..3]->(:DrugClass) RETURN p`
        : `MATCH p = (:Drug)-[:IN_CLASS]->(:DrugClass)-[:SUBCLASS_OF*0..3]->(t:Entity {id: $id}) RETURN p
           UNION
           MATCH p = (:DrugClass)-[:SUBCLASS_OF*1..3]->(t:Entity {id: $id}) RETURN p`,
      { id: targetId },
    );
    const ends = new Set([targetId]);
    for (const r of related.records) {
      const p = r.get('p') as Path;
      collector.add(p);
      for (const seg of p.segments) ends.add(nodeId(seg.start)).add(nodeId(seg.end));
    }

    // Mechanisms (or, per the ontology, targets) conferring resistance to any end.
    const confers = await tx.run(
      `MATCH (m:Entity)-[c:CONFERS_RESISTANCE_TO]->(e:Entity)
       WHERE e.id IN $ends AND (m:Mechanism OR m:Target)
       RETURN m, c, e ORDER BY m.name, e.name`,
      { ends: [...ends] },
    );
    const mechIds = [...new Set(confers.records.map((r) => nodeId(r.get('m') as Node)))];

    const drivers = await tx.run(
      `MATCH p = (d:Entity)-[:PARTICIPATES_IN|PROMOTES*1..3]->(m:Entity)
       WHERE m.id IN $mechs AND (d:Target OR d:Biomarker OR d:CellType)
       RETURN m.id AS mech, p ORDER BY length(p) DESC LIMIT $cap`,
      { mechs: mechIds, cap: neo4j.int(MAX_DRIVER_PATHS + 1) },
    );
    const driversCut = drivers.records.length > MAX_DRIVER_PATHS;
    const driverPaths = new Map<string, Path[]>();
    const onPath = new Set(mechIds);
    for (const r of drivers.records.slice(0, MAX_DRIVER_PATHS)) {
      const p = r.get('p') as Path;
      const mech = r.get('mech') as string;
      driverPaths.set(mech, [...(driverPaths.get(mech) ?? []), p]);
      collector.add(p);
      for (const seg of p.segments) if (seg.end.labels.includes('Mechanism')) onPath.add(nodeId(seg.end));
    }

    const overcomes = await tx.run(
      `MATCH (x:Entity)-[o:OVERCOMES]->(mm:Entity) WHERE mm.id IN $mechs RETURN x, o, mm.id AS mech ORDER BY x.name`,
      { mechs: [...onPath] },
    );
    const overcomeRows = overcomes.records.map((r) => ({
      x: r.get('x') as Node,
      o: r.get('o') as Relationship,
      mech: r.get('mech') as string,
    }));
    for (const { x, o } of overcomeRows) collector.add([x, o]);

    const pathways: Pathway[] = confers.records.map((r) => {
      const m = r.get('m') as Node;
      const c = r.get('c') as Relationship;
      const e = r.get('e') as Node;
      collector.add([m, c, e]);
      const mechId = nodeId(m);
      const paths = driverPaths.get(mechId) ?? [];
      // Mechanisms on this pathway: the confering one plus those its drivers pass through.
      const mechsHere = new Set([mechId]);
      for (const p of paths)
        for (const seg of p.segments) if (seg.end.labels.includes('Mechanism')) mechsHere.add(nodeId(seg.end));
      const tail = ` –CONFERS_RESISTANCE_TO→ ${toGraphNode(e).name}`;
      const chains = paths.map((p) => pathResult(p).chain + tail);
      // A chain that is the tail of a longer one adds nothing.
      const maximal = chains.filter((ch) => !chains.some((o) => o.endsWith(`→ ${ch}`) || o.endsWith(`– ${ch}`)));
      const driverNodes = new Map<string, GraphNode>();
      for (const p of paths) {
        for (const n of [p.start, ...p.segments.map((s) => s.start)]) {
          if (n.labels.some((l) => l === 'Target' || l === 'Biomarker' || l === 'CellType'))
            driverNodes.set(nodeId(n), toGraphNode(n));
        }
      }
      const props = c.properties as Record<string, unknown>;
      return {
        mechanism: toGraphNode(m),
        resists: toGraphNode(e),
        evidence: props.evidence,
        refs: Array.isArray(props.refs) ? props.refs.map(Number) : props.refs,
        drivers: [...driverNodes.values()],
        overcomeBy: overcomeRows
          .filter((o) => mechsHere.has(o.mech))
          .map((o) => ({ ...toGraphNode(o.x), overcomes: o.mech })),
        chain: maximal[0] ?? `${toGraphNode(m).name}${tail}`,
        chains: maximal.length ? maximal : [`${toGraphNode(m).name}${tail}`],
      };
    });
    return {
      target: toGraphNode(t),
      pathways,
      graph: collector.subgraph(),
      truncated: truncation(driversCut ? ['limit'] : [], { driverPaths: MAX_DRIVER_PATHS }),
    };
  });
}
