/** Exports of the current view, each parsed back: PNG, GEXF, GraphML, JSON, CSV. */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { MultiGraph as Graph } from 'graphology';
import { openViewer, shot, startHarness, waitIdle, type Harness } from '../../client/test/e2e-utils.js';
import { SCREENSHOT_DIR } from '../helpers/browser.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('export', () => {
  it('exports the filtered view in every format', async () => {
    const { page, errors } = await openViewer(h, '/?hide=Reference');
    await waitIdle(page);
    const visible = await page.evaluate(() => {
      const v = (window as any).__atlas.view.visible();
      return { nodes: v.nodes.length, edges: v.edges.length };
    });
    expect(visible.nodes).toBeGreaterThan(5);
    const grab = async (id: string): Promise<{ name: string; text: string; buf: Buffer }> => {
      const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(`#export-${id}`).click()]);
      const file = await dl.path();
      const buf = fs.readFileSync(file!);
      return { name: dl.suggestedFilename(), text: buf.toString('utf8'), buf };
    };

    const json = await grab('json');
    expect(json.name).toMatch(/\.json$/);
    const data = JSON.parse(json.text);
    expect(data.nodes).toHaveLength(visible.nodes);
    expect(data.edges).toHaveLength(visible.edges);
    expect(data.nodes.some((n: any) => n.label === 'Reference')).toBe(false);
    expect(typeof data.nodes[0].x).toBe('number');

    const gexf = await grab('gexf');
    const g1 = parseGexf(Graph, gexf.text);
    expect(g1.order).toBe(visible.nodes);
    expect(g1.size).toBe(visible.edges);

    const graphml = await grab('graphml');
    const g2 = parseGraphml(Graph, graphml.text);
    expect(g2.order).toBe(visible.nodes);
    expect(g2.size).toBe(visible.edges);
    expect(g2.getNodeAttribute('drug:nivolumab', 'name')).toBe('Nivolumab');
    expect(g2.getNodeAttribute('drug:nivolumab', 'label')).toBe('Nivolumab');
    expect(g2.getNodeAttribute('drug:nivolumab', 'type')).toBe('Drug');
    // A second, independent parser: the browser's own strict XML parser.
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: doc.getElementsByTagName('parsererror').length,
        nodes: doc.getElementsByTagName('node').length,
        edges: doc.getElementsByTagName('edge').length,
      };
    }, graphml.text);
    expect(parsed).toEqual({ error: 0, nodes: visible.nodes, edges: visible.edges });
    expect(gexf.text).toContain('xmlns:viz="http://www.gexf.net/1.2draft/viz"');
    expect(g1.getNodeAttribute('drug:nivolumab', 'label')).toBe('Nivolumab');

    const nodesCsv = await grab('csv-nodes');
    const lines = nodesCsv.text.trim().split(/\r\n/);
    expect(lines[0]!.startsWith('id,label,name')).toBe(true);
    expect(lines.length).toBe(visible.nodes + 1);
    const edgesCsv = await grab('csv-edges');
    expect(edgesCsv.text.trim().split(/\r\n/)[0]!.startsWith('id,type,source,target,evidence')).toBe(true);
    expect(edgesCsv.text.trim().split(/\r\n/).length).toBe(visible.edges + 1);

    const png = await grab('png');
    expect(png.name).toMatch(/\.png$/);
    expect(png.buf.subarray(1, 4).toString('ascii')).toBe('PNG');
    // Twice the canvas, in both directions.
    const box = await page.evaluate(() => (window as any).__atlas.sigma.getDimensions());
    expect(png.buf.readUInt32BE(16)).toBe(box.width * 2);
    expect(png.buf.readUInt32BE(20)).toBe(box.height * 2);
    fs.writeFileSync(`${SCREENSHOT_DIR}/export-png-2x.png`, png.buf);
    await shot(page, 'export-done');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
