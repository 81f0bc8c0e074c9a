/**
 * The evidence table (sort, links, CSV), the claim-kind filter, and the keyboard and
 * screen-reader basics: skip links and a named Cypher editor.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openViewer, shot, startHarness, waitIdle, type Harness } from '../../client/test/e2e-utils.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('evidence', () => {
  it('links an identified reference to its PubMed record and DOI (issue 11)', async () => {
    // ref:14 is REFLECT (data/90-references.yaml): PMID 29433850, DOI 10.1016/S0140-6736(18)30207-1.
    const { page, errors } = await openViewer(h, '/?view=ego&focus=ref%3A14&depth=1&sel=ref%3A14');
    await waitIdle(page);
    const pubmed = page.locator('a[href="https://pubmed.ncbi.nlm.nih.gov/29433850/"]');
    await pubmed.first().waitFor({ timeout: 20_000 });
    expect(await pubmed.first().getAttribute('rel')).toContain('noopener');
    const doi = page.locator('a[href^="https://doi.org/10.1016/S0140-6736(18)30207-1"]');
    expect(await doi.count()).toBeGreaterThan(0);
    expect(await page.locator('body').textContent()).toContain('Lenvatinib versus sorafenib');
    await shot(page, 'evidence-reference-links');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('tabulates the selected node’s relationships with trial and outcome columns; sorts, links and exports', async () => {
    const { page, errors } = await openViewer(
      h,
      '/?view=ego&focus=trial%3Anct02702414&depth=1&sel=trial%3Anct02702414',
    );
    await waitIdle(page);
    await page.getByRole('tab', { name: 'Evidence' }).click();
    const table = page.locator('#evidence-panel table.results');
    await table.waitFor();
    const rows = table.locator('tbody tr');
    const n = await rows.count();
    expect(n).toBeGreaterThan(3);
    const col = (i: number) => table.locator(`tbody tr td:nth-child(${i})`).allTextContents();
    // Trial column names KEYNOTE-224 with its size; the outcome column has the numbers.
    expect((await col(6)).every((t) => t.includes('KEYNOTE-224') && t.includes('n=104'))).toBe(true);
    expect((await col(7)).some((t) => /ORR/.test(t))).toBe(true);
    expect(await table.locator('td').allTextContents()).not.toContain('null');
    // Sort by relationship type, then descending.
    const head = table.locator('thead th').nth(1);
    await head.getByRole('button').click();
    const asc = await col(2);
    expect(asc).toEqual([...asc].sort((a, b) => a.localeCompare(b)));
    await head.getByRole('button').click();
    expect(await col(2)).toEqual([...asc].reverse());
    await shot(page, 'evidence-table');
    // CSV of what is shown.
    const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('#evidence-panel .table-csv').click()]);
    const csv = fs
      .readFileSync((await dl.path())!, 'utf8')
      .trim()
      .split('\r\n');
    expect(csv[0]).toBe('From,Relationship,To,Claim,Context,Trial,Outcome,Refs,Evidence');
    expect(csv.length).toBe(n + 1);
    // A name selects its node.
    const link = table.locator('tbody .node-link[data-id="drug:pembrolizumab"]').first();
    await link.click();
    await page.waitForFunction(() => (window as any).__atlas.app.state.selected === 'drug:pembrolizumab');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('filters relationships by claim kind (a missing assertion counts as "unknown")', async () => {
    const { page } = await openViewer(h, '/?view=ego&focus=drug%3Asorafenib&depth=1');
    await waitIdle(page);
    const before = await page.evaluate(() => (window as any).__atlas.view.visibleCounts());
    expect(before.edges).toBeGreaterThan(0);
    const counts = await page.evaluate(() => Object.fromEntries((window as any).__atlas.view.assertionCounts()));
    await page.locator('#legend-assertions-section summary').click();
    const kinds = Object.keys(counts);
    const kind = kinds.includes('unknown') ? 'unknown' : kinds[0]!;
    await page.locator(`#legend-assertions [data-assertion="${kind}"] input`).uncheck();
    await page.waitForURL(new RegExp(`hideAssert=${kind}`));
    const after = await page.evaluate(() => (window as any).__atlas.view.visibleCounts());
    expect(after.edges).toBe(before.edges - counts[kind]);
    expect(await page.locator('#status').textContent()).toContain(`${after.edges} links shown`);
    await page.context().close();
  });

  it('has skip links and a named Cypher editor', async () => {
    const { page } = await openViewer(h);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.textContent);
    expect(first).toBe('Skip to details and tools');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('panel');
    await page.getByRole('tab', { name: 'Cypher' }).click();
    await page.locator('#cypher-editor[data-ready="true"] .cm-editor').waitFor();
    expect(await page.locator('#cypher-editor .cm-content').getAttribute('aria-label')).toMatch(/Cypher query/);
    await page.context().close();
  });
});
