/**
 * Level of detail on a hub (issue 8), in Chromium against a Neo4j of this file's own: a
 * synthetic target with 10,000 drugs (TARGETS, in) and 300 mechanisms (PARTICIPATES_IN,
 * out). Picking it from search expands it with the neighbours' top-k plus one "+N more"
 * node per cut group; no main-thread task may take long; opening a "+N more" node loads
 * the next neighbours and its caption follows; the details panel pages relationships.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeScreenPos, searchAndPick, shot, waitIdle } from '../../client/test/e2e-utils.js';
import { computeRanks } from '../../ingest/ranks.js';
import { type RunningServer, startServer } from '../../server/app.js';
import { launchBrowser } from '../helpers/browser.js';
import { type PrivateNeo4j, startPrivateNeo4j } from '../helpers/private-neo4j.js';

const HUB = 'target:lod-hub';
const DRUGS = 10_000;
const MECHS = 300;
const MORE_DRUGS = `more:${HUB}:TARGETS:in`;
/** Generous for a loaded 2-core machine with software WebGL; the bench's target is 200 ms. */
const LONGEST_TASK_MS = 1_500;

let neo4j: PrivateNeo4j;
let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  neo4j = await startPrivateNeo4j('lod');
  const drugs = Array.from({ length: DRUGS }, (_, i) => ({
    id: `drug:lod-${String(i).padStart(5, '0')}`,
    name: `Lod drug ${i}`,
    refs: i % 3 === 0 ? [1 + (i % 7)] : [],
    evidence: i % 2 === 0 ? `Synthetic binding ${i}.` : null,
  }));
  await neo4j.driver.executeQuery(
    `CREATE (h:Entity:Target {id: $hub, name: 'Lod hub', description: 'Synthetic hub for the level-of-detail test.'})
     WITH h UNWIND $drugs AS d
     CREATE (x:Entity:Drug {id: d.id, name: d.name})
     CREATE (x)-[r:TARGETS {refs: d.refs, source: 'lod test', assertion: 'established'}]->(h)
     SET r.evidence = d.evidence`,
    { hub: HUB, drugs },
    { database: neo4j.config.database },
  );
  await neo4j.driver.executeQuery(
    `MATCH (h:Entity {id: $hub}) UNWIND range(0, $n - 1) AS i
     CREATE (h)-[:PARTICIPATES_IN {refs: [], source: 'lod test', assertion: 'established'}]->(:Entity:Mechanism {id: 'mechanism:lod-' + i, name: 'Lod mechanism ' + i})`,
    { hub: HUB, n: MECHS },
    { database: neo4j.config.database },
  );
  await neo4j.driver.executeQuery('CALL db.awaitIndexes(120)', {}, { database: neo4j.config.database });
  await computeRanks(neo4j.driver, neo4j.config.database);
  server = await startServer({
    port: 0,
    config: neo4j.config,
    clientDist: path.resolve(import.meta.dirname, '../../client/dist'),
    log: () => {},
  });
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close().catch(() => {});
  await server?.close();
  await neo4j?.close();
}, 120_000);

const LONGTASKS = `
window.__longtasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });
`;

async function longestTaskSince(page: Page, since: number): Promise<number> {
  await page.waitForTimeout(300);
  return page.evaluate(
    (t) =>
      Math.max(
        0,
        ...((window as any).__longtasks as { start: number; duration: number }[])
          .filter((x) => x.start >= t)
          .map((x) => x.duration),
      ),
    since,
  );
}

const graphInfo = (page: Page) =>
  page.evaluate((more) => {
    const a = (window as any).__atlas;
    const g = a.graph;
    const d = g.hasNode(more) ? a.sigma.getNodeDisplayData(more) : null;
    return {
      order: g.order,
      size: g.size,
      more: g.hasNode(more) ? { label: String(g.getNodeAttribute(more, 'label')), hidden: !!d?.hidden } : null,
    };
  }, MORE_DRUGS);

const statusText = (page: Page) => page.locator('#status').textContent();
const hasNode = (page: Page, id: string) => page.evaluate((n) => (window as any).__atlas.graph.hasNode(n), id);
const specOf = (page: Page) => page.evaluate(() => (window as any).__atlas.app.state.spec);

/** Wait until the view shows `spec` (mode and label) and has finished loading. */
async function waitForView(page: Page, mode: string, label?: string): Promise<void> {
  await page.waitForFunction(
    ([m, l]) => {
      const a = (window as any).__atlas;
      return a.ready && a.app.state.spec.mode === m && (l === undefined || a.app.state.spec.label === l);
    },
    [mode, label] as const,
    { timeout: 60_000 },
  );
  await waitIdle(page, 60_000);
}

describe('the summary overview of a large graph (10,301 nodes and the review’s)', () => {
  it('opens a type into its most connected members, loads more, and Back returns to the summary', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await waitForView(page, 'overview');
    // Above SUMMARY_THRESHOLD the landing view is one node per label.
    const landing = await page.evaluate(() => {
      const g = (window as any).__atlas.graph;
      const nodes = g.mapNodes((id: string, a: any) => ({ id, name: String(a.label), data: a.data }));
      const last = [...nodes].sort((x, y) => x.name.localeCompare(y.name) || x.id.localeCompare(y.id)).pop();
      return {
        order: g.order,
        summaries: nodes.filter((n: any) => n.data?.summary === true).length,
        drugs: Number(g.getNodeAttribute('label:Drug', 'data').count),
        last: { label: String(last.data.label), count: Number(last.data.count) },
      };
    });
    // The review's data is loaded too: 10,000 synthetic drugs and the review's.
    expect(landing.drugs).toBeGreaterThanOrEqual(DRUGS);
    const drugs = landing.drugs.toLocaleString('en-US');
    expect(landing.order).toBeGreaterThanOrEqual(3);
    expect(landing.summaries).toBe(landing.order);
    expect(await hasNode(page, 'label:Drug')).toBe(true);
    await expect.poll(() => page.locator('#view-caption').textContent()).toMatch(/one node per type/);
    // The summary's nodes are placeholders: no Drug entity is drawn, and they have a row of their own.
    await expect
      .poll(() => page.locator('#legend-types [data-label="Drug"] .count').textContent())
      .toBe(`0 / ${landing.drugs}`);
    expect(await page.locator('#legend-types [data-placeholder="summary"] .count').textContent()).toBe(
      String(landing.order),
    );
    await shot(page, 'summary-landing');

    // A click on the Drug node opens its members: the 150 most connected, and "+N more".
    const at = await nodeScreenPos(page, 'label:Drug');
    await page.mouse.click(at.x, at.y);
    await waitForView(page, 'members', 'Drug');
    expect(page.url()).toContain('view=members&label=Drug');
    await expect.poll(() => statusText(page)).toContain(`showing 150 of ${drugs} Drug`);
    const members = await page.evaluate(() => {
      const g = (window as any).__atlas.graph;
      return g.filterNodes((_n: string, a: any) => a.kind === 'Drug').length;
    });
    expect(members).toBe(150);
    expect(await hasNode(page, 'more:members:Drug')).toBe(true);
    await shot(page, 'summary-members');

    // Opening the placeholder (keyboard selection) shows twice as many; a reload keeps the view.
    await page.evaluate(() => (window as any).__atlas.app.select('more:members:Drug'));
    await waitForView(page, 'members', 'Drug');
    await expect.poll(() => statusText(page)).toContain(`showing 300 of ${drugs} Drug`);
    expect((await specOf(page)).limit).toBe(300);
    await page.reload();
    await waitForView(page, 'members', 'Drug');
    await expect.poll(() => statusText(page)).toContain(`showing 300 of ${drugs} Drug`);

    // Back: the first page of members, then the summary.
    await page.goBack();
    await waitForView(page, 'members', 'Drug');
    await expect.poll(() => statusText(page)).toContain(`showing 150 of ${drugs} Drug`);
    await page.goBack();
    await waitForView(page, 'overview');
    expect(await hasNode(page, 'label:Drug')).toBe(true);
    expect(await statusText(page)).not.toContain('showing 150');

    // Keyboard: the canvas's node cursor picks the last summary node by name, Enter opens it;
    // the caption's back action returns to the summary.
    await page.focus('#sigma');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await waitForView(page, 'members', landing.last.label);
    const shown = Math.min(150, landing.last.count).toLocaleString('en-US');
    await expect
      .poll(() => statusText(page))
      .toContain(`showing ${shown} of ${landing.last.count.toLocaleString('en-US')} ${landing.last.label}`);
    expect(await hasNode(page, `more:members:${landing.last.label}`)).toBe(landing.last.count > 150);
    await page.locator('#view-caption .caption-back').click();
    await waitForView(page, 'overview');
    expect(await hasNode(page, `label:${landing.last.label}`)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a 10,000-edge hub in the viewer', () => {
  it('expands with top-k neighbours and "+N more" nodes, stays responsive, and loads more on demand', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript({ content: LONGTASKS });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.waitForFunction(() => (window as any).__atlas?.ready === true, null, { timeout: 60_000 });
    await waitIdle(page);

    // Picking the hub from search brings it and its neighbourhood into the view.
    const t0 = await page.evaluate(() => performance.now());
    await searchAndPick(page, 'input[aria-label="Search"]', 'Lod hub', 'Lod hub');
    await page.waitForFunction((id) => (window as any).__atlas.graph.hasNode(id), MORE_DRUGS, { timeout: 60_000 });
    await waitIdle(page, 60_000);
    const expandTask = await longestTaskSince(page, t0);
    const after = await graphInfo(page);
    // Bounded: the top of each group, not 10,300 neighbours.
    expect(after.order).toBeGreaterThan(50);
    expect(after.order).toBeLessThan(600);
    expect(after.more).not.toBeNull();
    expect(after.more!.hidden).toBe(false);
    expect(after.more!.label).toMatch(/^TARGETS: showing \d+ of 10,000 — load more$/);
    expect(
      await page.evaluate(() => (window as any).__atlas.graph.hasNode('more:target:lod-hub:PARTICIPATES_IN:out')),
    ).toBe(true);
    expect(expandTask).toBeLessThan(LONGEST_TASK_MS);
    // The legend counts the drugs drawn, not the "+N more" nodes, which get a row of their own.
    const drawn = await page.evaluate(() => {
      const g = (window as any).__atlas.graph;
      // The landing summary's nodes stay around the expansion; they are not entities.
      const kinds = (k: string) => g.filterNodes((_n: string, a: any) => a.kind === k && !a.data?.summary).length;
      return { drugs: kinds('Drug'), more: kinds('More') };
    });
    expect(drawn.more).toBe(2);
    await expect
      .poll(() => page.locator('#legend-types [data-label="Drug"] .count').textContent())
      .toMatch(new RegExp(`^${drawn.drugs} / \\d+$`));
    expect(await page.locator('#legend-types [data-label="More"]').count()).toBe(0);
    expect(await page.locator('#legend-types [data-placeholder="more"] .count').textContent()).toBe('2');
    const shownBefore = Number(after.more!.label.match(/showing ([\d,]+)/)![1]!.replace(/,/g, ''));
    // The camera lands on the picked hub (it once aimed with display data from before the
    // merge and showed an empty stretch of canvas).
    await expect
      .poll(() =>
        page.evaluate((hub) => {
          const s = (window as any).__atlas.sigma;
          const p = s.framedGraphToViewport(s.getNodeDisplayData(hub));
          const { width, height } = s.getDimensions();
          return p.x > 0 && p.x < width && p.y > 0 && p.y < height;
        }, HUB),
      )
      .toBe(true);
    await shot(page, 'hub-expanded');

    // Clicking the "+N more" node on the canvas loads the next neighbours of that group.
    await page.evaluate(() => (window as any).__atlas.sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1 }));
    await page.waitForTimeout(300);
    const at = await nodeScreenPos(page, MORE_DRUGS);
    const t1 = await page.evaluate(() => performance.now());
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction((n) => (window as any).__atlas.graph.order > n + 100, after.order, { timeout: 60_000 });
    await waitIdle(page, 60_000);
    const moreTask = await longestTaskSince(page, t1);
    const loaded = await graphInfo(page);
    const shownAfter = Number(loaded.more!.label.match(/showing ([\d,]+)/)![1]!.replace(/,/g, ''));
    expect(shownAfter).toBeGreaterThanOrEqual(shownBefore + 400);
    expect(loaded.order - after.order).toBe(shownAfter - shownBefore);
    expect(moreTask).toBeLessThan(LONGEST_TASK_MS);
    // The merge is done in slices: every node that came in has a place, and nothing is left half-added.
    const placed = await page.evaluate(() => {
      const g = (window as any).__atlas.graph;
      let bad = 0;
      g.forEachNode((_n: string, a: any) => {
        if (!Number.isFinite(a.x) || !Number.isFinite(a.y)) bad++;
      });
      return { bad, busy: (window as any).__atlas.app.busy };
    });
    expect(placed).toEqual({ bad: 0, busy: 0 });
    await shot(page, 'hub-load-more');

    // Again, from the app (as Enter on the node does): more nodes, fewer left behind the "+N more" node.
    const left = (label: string) => 10_000 - Number(label.match(/showing ([\d,]+)/)![1]!.replace(/,/g, ''));
    const t2 = await page.evaluate(() => performance.now());
    await page.evaluate((id) => (window as any).__atlas.app.select(id), MORE_DRUGS);
    await page.waitForFunction((n) => (window as any).__atlas.graph.order > n + 100, loaded.order, { timeout: 60_000 });
    await waitIdle(page, 60_000);
    const again = await graphInfo(page);
    expect(left(again.more!.label)).toBeLessThan(left(loaded.more!.label));
    expect(left(again.more!.label)).toBeLessThanOrEqual(10_000 - shownAfter - 400);
    expect(again.order - loaded.order).toBe(left(loaded.more!.label) - left(again.more!.label));
    expect(again.more!.hidden).toBe(false);
    expect(await longestTaskSince(page, t2)).toBeLessThan(LONGEST_TASK_MS);
    // Past 800 drawn links they are plain lines; a selected node's links are arrows again, on top.
    const programs = (node: string | null) =>
      page.evaluate((node) => {
        const a = (window as any).__atlas;
        const count: Record<string, number> = {};
        let focus = '';
        a.graph.forEachEdge((e: string, _attrs: unknown, s: string, t: string) => {
          const d = a.sigma.getEdgeDisplayData(e);
          if (!d || d.hidden) return;
          count[d.type] = (count[d.type] ?? 0) + 1;
          if (node && (s === node || t === node)) focus = d.type;
        });
        return { count, focus, lines: a.view.lod.lines as boolean };
      }, node);
    // The pointer still rests where the "+N more" node was clicked: off the canvas, nothing is in focus.
    await page.mouse.move(2, 2);
    await expect.poll(async () => Object.keys((await programs(null)).count)).toEqual(['line']);
    expect((await programs(null)).lines).toBe(true);
    expect(await page.locator('#legend-edge-style').isVisible()).toBe(true);
    const drug = await page.evaluate((hub) => {
      const g = (window as any).__atlas.graph;
      return g.filterNodes((n: string, a: any) => a.kind === 'Drug' && g.degree(n) < 10 && g.hasEdge(n, hub))[0];
    }, HUB);
    // No history entry: Back below still undoes the last "load more".
    await page.evaluate((id) => (window as any).__atlas.app.select(id, { push: false }), drug);
    await expect.poll(async () => (await programs(drug)).focus).toBe('focusArrow');
    expect((await programs(drug)).count.line).toBeGreaterThan(700);
    await shot(page, 'hub-lines-selected');
    await page.evaluate(() => (window as any).__atlas.app.select(null, { push: false }));
    // Back undoes the last "load more" in place: the view is as it was after the first.
    await page.evaluate(() => (window as any).__atlas.app.undo());
    await waitIdle(page, 60_000);
    await expect.poll(async () => (await graphInfo(page)).order).toBe(loaded.order);
    await expect.poll(async () => (await graphInfo(page)).more!.label).toBe(loaded.more!.label);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('pages the hub’s relationships in the details panel instead of listing them all', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/?view=ego&focus=${encodeURIComponent(HUB)}&depth=1&sel=${encodeURIComponent(HUB)}`);
    await page.waitForFunction(() => (window as any).__atlas?.ready === true, null, { timeout: 60_000 });
    const group = page.locator('#pane-details .rel-group[data-type="TARGETS"]');
    await group.waitFor({ timeout: 30_000 });
    const items = group.locator('li.rel-item');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(50);
    await expect.poll(() => group.locator('.rel-more-text').textContent()).toBe('50 of 10,000 incoming shown');
    await group.locator('.rel-more-btn').click();
    await expect.poll(() => items.count(), { timeout: 20_000 }).toBe(150);
    await expect.poll(() => group.locator('.rel-more-text').textContent()).toBe('150 of 10,000 incoming shown');
    // No relationship listed twice across pages.
    const names = await group.locator('li.rel-item .rel-head .link-btn').allTextContents();
    expect(new Set(names).size).toBe(names.length);
    await context.close();
  });
});
