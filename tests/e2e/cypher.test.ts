/**
 * Cypher panel: CodeMirror with Cypher completion, Ctrl+Enter runs, rows as a table and
 * drawn as a graph, errors as Neo4j states them; saved questions run with parameters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appState,
  graphOrder,
  openViewer,
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

async function typeQuery(page: import('playwright-core').Page, q: string): Promise<void> {
  const content = page.locator('#cypher-editor .cm-content');
  await content.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await content.pressSequentially(q, { delay: 5 });
  await page.keyboard.press('Escape'); // close completion
}

describe('cypher panel', () => {
  it('runs a query with Ctrl+Enter, shows rows and draws the graph', async () => {
    const { page, errors } = await openViewer(h);
    await page.getByRole('tab', { name: 'Cypher' }).click();
    await page.locator('#cypher-editor[data-ready="true"] .cm-editor').waitFor();
    // Schema-aware completion: labels after ":".
    await typeQuery(page, 'MATCH (d:Dru');
    await page.keyboard.press('Control+Space');
    const completion = page.locator('.cm-tooltip-autocomplete');
    await completion.waitFor({ timeout: 10_000 });
    expect(await completion.textContent()).toContain('Drug');
    await page.keyboard.press('Escape');
    await typeQuery(page, 'MATCH (d:Drug)-[r:TARGETS]->(t:Target) RETURN d, r, t LIMIT 25');
    await page.keyboard.press('Control+Enter');
    await page.waitForURL(/view=cypher/);
    await waitIdle(page);
    const rows = page.locator('#cypher-results table.results tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await graphOrder(page)).toBeGreaterThan(1);
    expect((await appState(page)).spec.query).toContain('TARGETS');
    await page.waitForTimeout(300);
    await shot(page, 'cypher-result');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows a syntax error as Neo4j states it', async () => {
    const { page } = await openViewer(h);
    await waitIdle(page);
    const drawn = await page.evaluate(() => (window as any).__atlas.graph.nodes().sort());
    expect(drawn.length).toBeGreaterThan(0);
    await page.getByRole('tab', { name: 'Cypher' }).click();
    await page.locator('#cypher-editor[data-ready="true"] .cm-editor').waitFor();
    await typeQuery(page, 'MATC (n) RETURN n');
    await page.locator('#cypher-run').click();
    const err = page.locator('#cypher-results .error-box');
    await err.waitFor();
    const text = (await err.textContent()) ?? '';
    expect(text).toMatch(/Invalid input|SyntaxError/);
    // The failed query keeps the canvas as it was, without a blocking overlay or a banner.
    expect(await page.evaluate(() => (window as any).__atlas.graph.nodes().sort())).toEqual(drawn);
    expect(await page.locator('#stage-overlay').isVisible()).toBe(false);
    expect(await page.locator('#banner').isVisible()).toBe(false);
    // A write is refused.
    await typeQuery(page, 'CREATE (n:Drug {id: "drug:x"}) RETURN n');
    await page.locator('#cypher-run').click();
    await page.waitForFunction(() =>
      /CREATE|read|write/i.test(document.querySelector('#cypher-results .error-box')?.textContent ?? ''),
    );
    await shot(page, 'cypher-error');
    await page.context().close();
  });

  it('runs a saved question with its parameters', async () => {
    const { page } = await openViewer(h);
    await page.getByRole('tab', { name: 'Questions' }).click();
    const panel = page.locator('#questions-panel');
    await panel.locator('.question, p.note').first().waitFor();
    const n = await panel.locator('.question').count();
    if (n === 0) {
      expect(await panel.textContent()).toContain('No saved questions');
      await page.context().close();
      return;
    }
    const first = panel.locator('.question').first();
    const name = await first.getAttribute('data-name');
    await first.getByRole('button', { name: 'Run' }).click();
    await page.waitForURL(/view=question/);
    await waitIdle(page);
    await panel.locator(`.question[data-name="${name}"] .result-block`).waitFor();
    expect((await appState(page)).spec).toMatchObject({ mode: 'question', name });
    await shot(page, 'questions-run');
    await page.context().close();
  });
});
