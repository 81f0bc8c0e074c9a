/**
 * The researcher's workflow: "only this type", status counts of what is shown, grouping
 * that ignores hidden types, saved questions from a name picker drawn on the canvas,
 * result tables that sort, link and export.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  appState,
  openViewer,
  searchAndPick,
  shot,
  startHarness,
  waitIdle,
  type Harness,
} from '../../client/test/e2e-utils.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const statusText = (page: import('playwright-core').Page) =>
  page
    .locator('#status')
    .textContent()
    .then((t) => t ?? '');

describe('workflow', () => {
  it('"only" keeps one node type; status counts what is shown; grouping has no cluster for hidden types', async () => {
    const { page, errors } = await openViewer(h);
    await waitIdle(page);
    const total = await page.evaluate(() => (window as any).__atlas.graph.order);
    expect(await statusText(page)).toContain(`${total} nodes`);
    const drugRow = page.locator('#legend-types li').filter({ has: page.locator('[data-label="Drug"]') });
    await drugRow.hover();
    await drugRow.getByRole('button', { name: 'Only Drug' }).click();
    await page.waitForFunction(() => (window as any).__atlas.app.state.hiddenLabels.length > 5);
    const st = await appState(page);
    expect(st.hiddenLabels).not.toContain('Drug');
    expect(st.hiddenLabels).toContain('Target');
    const drugs = await page.evaluate(() => {
      const a = (window as any).__atlas;
      return a.graph.filterNodes((_n: string, x: any) => x.kind === 'Drug').length;
    });
    expect(drugs).toBeGreaterThan(0);
    expect(drugs).toBeLessThan(total);
    const status = await statusText(page);
    expect(status).toContain(`${drugs} nodes`);
    expect(status).toContain(`of ${total}`);
    // Group by type: one cluster label, the drugs'.
    await page.locator('#btn-group-layout').click();
    await page.locator('.group-label').first().waitFor();
    const groups = await page.locator('.group-label').allTextContents();
    expect(groups).toEqual([`Drug (${drugs})`]);
    await shot(page, 'workflow-only-drugs-grouped');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('runs a saved question from a name picker and draws its answer; the table sorts, links and exports', async () => {
    const { page, errors } = await openViewer(h);
    await page.getByRole('tab', { name: 'Questions' }).click();
    const panel = page.locator('#questions-panel');
    const card = panel.locator('.question[data-name="drugs-targeting-a-target"]');
    await card.waitFor();
    // Searchable list.
    await page.locator('#questions-filter').fill('targeting');
    expect(await panel.locator('.question').count()).toBeLessThan(10);
    const picker = card.locator('input.param-picker[data-param="target"]');
    // The default id is shown by name.
    await page.waitForFunction((el) => (el as HTMLInputElement | null)?.value === 'PD-1', await picker.elementHandle());
    await searchAndPick(page, '.question[data-name="drugs-targeting-a-target"] input.param-picker', 'PD-L1', 'PD-L1');
    await card.getByRole('button', { name: 'Run' }).click();
    await page.waitForURL(/view=question/);
    await waitIdle(page);
    expect((await appState(page)).spec.params).toEqual({ target: 'target:pd-l1' });
    const table = card.locator('table.results');
    await table.waitFor();
    const firstCol = async () => table.locator('tbody tr td:first-child').allTextContents();
    const names = await firstCol();
    expect(names.length).toBeGreaterThan(1);
    // Drawn on the canvas too: the drugs and PD-L1.
    const drawn = await page.evaluate(() => (window as any).__atlas.graph.nodes());
    expect(drawn).toContain('target:pd-l1');
    expect(drawn.length).toBeGreaterThan(names.length);
    expect(await page.locator('#stage-overlay').isVisible()).toBe(false);
    // Sort by the first column, both ways.
    const head = table.locator('thead th').first();
    await head.getByRole('button').click();
    const asc = await firstCol();
    expect(asc).toEqual([...asc].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })));
    expect(await head.getAttribute('aria-sort')).toBe('ascending');
    await head.getByRole('button').click();
    expect(await firstCol()).toEqual([...asc].reverse());
    // No "null" in any cell.
    expect(await table.locator('td').allTextContents()).not.toContain('null');
    // Names are links that select the node.
    const link = table.locator('tbody .node-link').first();
    const id = await link.getAttribute('data-id');
    await link.click();
    await page.waitForFunction((x) => (window as any).__atlas.app.state.selected === x, id);
    // CSV export of the rows as sorted.
    await page.getByRole('tab', { name: 'Questions' }).click();
    const [dl] = await Promise.all([page.waitForEvent('download'), card.locator('.table-csv').click()]);
    const csv = fs.readFileSync((await dl.path())!, 'utf8').split('\r\n');
    expect(csv[0]).toBe('drug,action,classes,source,evidence,refs');
    expect(csv.length).toBe(names.length + 2);
    await shot(page, 'workflow-question-picker');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  /** Closes a picker's suggestion list if one opens (Escape with the list open only closes it). */
  /**
   * Dismiss the suggestions (they open over the button) without picking one: Escape
   * closes the list, or, while the answer is still on its way, keeps it from opening.
   */
  async function dismissSuggestions(card: ReturnType<Page['locator']>): Promise<void> {
    await card.locator('input.param-picker').press('Escape');
    await card.page().waitForTimeout(400);
    expect(await card.locator('ul.suggestions').isVisible()).toBe(false);
  }

  it('a typed name without picking still runs with the matching entity', async () => {
    const { page } = await openViewer(h, '/?tab=questions');
    const card = page.locator('.question[data-name="drugs-targeting-a-target"]');
    await card.waitFor();
    const picker = card.locator('input.param-picker');
    await picker.fill('CTLA-4');
    // Dismiss the suggestions (they open over the button) without picking one.
    await dismissSuggestions(card);
    await card.getByRole('button', { name: 'Run' }).click();
    await page.waitForURL(/view=question/);
    expect((await appState(page)).spec.params).toEqual({ target: 'target:ctla-4' });
    await waitIdle(page);
    await card.locator('table.results').waitFor();
    await picker.fill('no such molecule zzz');
    await dismissSuggestions(card);
    await card.getByRole('button', { name: 'Run' }).click();
    await card.locator('.error-text').waitFor();
    expect(await card.locator('.error-text').textContent()).toContain('no such molecule zzz');
    await page.context().close();
  });
});
