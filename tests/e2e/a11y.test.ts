/**
 * Accessibility: axe-core (its own source injected into the page) on every panel, on the
 * landing view, with a node selected and a relationship open, and in the narrow layout.
 * Nothing serious or critical may remain; every count is written to
 * test-output/a11y-axe.json so the numbers can be compared over time. Also: nodes can be
 * selected from the keyboard without search (arrow keys on the focused canvas, Enter).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appState, openViewer, shot, startHarness, waitIdle, type Harness } from '../../client/test/e2e-utils.js';
import { SCREENSHOT_DIR } from '../helpers/browser.js';

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const REPORT = path.resolve(SCREENSHOT_DIR, '../a11y-axe.json');

interface Finding {
  id: string;
  impact: string | null;
  nodes: number;
  targets: string[];
}

/** Run axe on the whole page; violations with their impact and the first few offending nodes. */
async function axe(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SOURCE });
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run(
          ctx: Document,
          opts: object,
        ): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }>;
      };
    };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 4).map((n) => n.target.join(' ')),
    }));
  });
}

const serious = (f: Finding[]) => f.filter((v) => v.impact === 'serious' || v.impact === 'critical');

let h: Harness;
const report: Record<string, Finding[]> = {};
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  fs.mkdirSync(path.dirname(REPORT), { recursive: true });
  const counts = Object.fromEntries(
    Object.entries(report).map(([k, f]) => [
      k,
      { all: f.reduce((n, v) => n + v.nodes, 0), serious: serious(f).reduce((n, v) => n + v.nodes, 0) },
    ]),
  );
  fs.writeFileSync(REPORT, `${JSON.stringify({ counts, findings: report }, null, 2)}\n`);
  await h?.close();
});

const PANELS = ['details', 'evidence', 'paths', 'resistance', 'questions', 'cypher'];

describe('accessibility', () => {
  it('axe finds nothing serious or critical on any panel', async () => {
    // The page's CSP allows only its own scripts: this context lets the test inject axe.
    const ctx = await h.browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    const page = await ctx.newPage();
    await page.goto(`${h.url}/?sel=drug%3Anivolumab`);
    await page.waitForFunction(() => (window as any).__atlas?.ready, undefined, { timeout: 30_000 });
    await waitIdle(page);
    for (const tab of PANELS) {
      await page.locator(`#tab-${tab}`).click();
      await page.locator(`#pane-${tab}`).waitFor();
      if (tab === 'cypher') await page.locator('#pane-cypher .cm-editor').waitFor({ timeout: 20_000 });
      if (tab === 'questions') await page.locator('.question').first().waitFor();
      await page.waitForTimeout(300);
      report[`panel:${tab}`] = await axe(page);
    }
    // The legend's filter sections opened, a type hidden (greyed entries are checked too).
    await page.locator('#tab-details').click();
    await page.locator('#legend-rels-summary').click();
    await page.locator('#legend-types [data-label="Reference"] input').uncheck();
    report['legend:filtered'] = await axe(page);
    await page.context().close();

    const narrow = await h.browser.newContext({ viewport: { width: 800, height: 700 }, bypassCSP: true });
    const p2 = await narrow.newPage();
    await p2.goto(`${h.url}/`);
    await p2.waitForFunction(() => (window as any).__atlas?.ready, undefined, { timeout: 30_000 });
    await p2.locator('#btn-sidebar').click();
    report['narrow:drawer'] = await axe(p2);
    await narrow.close();

    const bad = Object.fromEntries(
      Object.entries(report)
        .map(
          ([k, f]) =>
            [k, serious(f).map((v) => `${v.id} (${v.impact}) × ${v.nodes}: ${v.targets.join(' | ')}`)] as const,
        )
        .filter(([, list]) => list.length > 0),
    );
    expect(bad).toEqual({});
  });

  it('selects a node from the keyboard alone: arrows on the focused canvas, Enter', async () => {
    const { page, errors } = await openViewer(h, '/');
    await waitIdle(page);
    // Skip link to the graph, then arrows.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('graph');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sigma');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const cursor = await page.evaluate(() => (window as any).__atlas.app.state.hovered as string);
    expect(cursor).toBeTruthy();
    const names = await page.evaluate(() => {
      const a = (window as any).__atlas;
      return a.graph
        .filterNodes((n: string) => a.view.isNodeVisible(n))
        .map((n: string) => a.graph.getNodeAttribute(n, 'label') as string)
        .sort((x: string, y: string) => x.localeCompare(y));
    });
    const name = await page.evaluate((id) => (window as any).__atlas.app.nameOf(id), cursor);
    expect(names.indexOf(name)).toBe(1);
    expect(await page.locator('#walk-status').textContent()).toContain(`${name} (`);
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => (window as any).__atlas.app.state.selected === id, cursor);
    await page.locator('#details-name').filter({ hasText: name }).waitFor();
    expect((await appState(page)).tab).toBe('details');
    await shot(page, 'a11y-keyboard-selected');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
