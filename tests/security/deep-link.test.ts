/**
 * In Chromium against the built client (client/dist, built by the global setup on a
 * full `npm test`; run `npm run build` first when running this file alone): a Cypher
 * deep link fills the editor and runs nothing until Run is pressed, and the page raises
 * no Content-Security-Policy violation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openViewer, startHarness, type Harness } from '../../client/test/e2e-utils.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('Cypher deep link', () => {
  it('fills the editor, runs nothing on load, runs on Run; no CSP violation', async () => {
    const query = 'MATCH (d:Drug) RETURN d.name AS name ORDER BY name LIMIT 3';
    const context = await h.browser.newContext();
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const page = await context.newPage();
    const errors: string[] = [];
    const cypherRequests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('request', (r) => {
      if (r.url().includes('/api/cypher')) cypherRequests.push(r.postData() ?? '');
    });
    await page.goto(`${h.url}/?view=cypher&q=${encodeURIComponent(query)}`);
    await page.locator('#cypher-editor[data-ready="true"] .cm-editor').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1_500);
    expect(await page.locator('#cypher-editor .cm-content').textContent()).toBe(query);
    expect(cypherRequests).toEqual([]);

    await page.locator('#cypher-run').click();
    const rows = page.locator('#cypher-results table.results tbody tr');
    await rows.first().waitFor({ timeout: 20_000 });
    expect(await rows.count()).toBe(3);
    // The user's query runs once, on Run; the viewer may follow it with its own lookup of
    // the rows' names to draw them (lib/resultGraph.ts), which is not the user's query.
    const userRuns = cypherRequests.filter((body) => JSON.parse(body).query === query);
    expect(userRuns).toHaveLength(1);
    expect(errors.filter((e) => /Content Security Policy|CSP violation/i.test(e))).toEqual([]);
    await context.close();
  });

  it('a plain page load raises no CSP violation', async () => {
    const { page, errors } = await openViewer(h);
    await page.waitForTimeout(1_000);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
