/** At 800 × 700 everything stays usable: tabs all on screen, a wide canvas, the legend in a drawer. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, startHarness, waitForGraph, waitIdle, type Harness } from '../../client/test/e2e-utils.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('narrow window', () => {
  it('800 × 700: every tab reachable, canvas wider than the panel, legend in a drawer', async () => {
    const context = await h.browser.newContext({ viewport: { width: 800, height: 700 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${h.url}/`);
    await waitForGraph(page);
    await waitIdle(page);
    for (const name of ['Details', 'Paths', 'Resistance', 'Cypher', 'Questions', 'Evidence']) {
      const box = await page.getByRole('tab', { name }).boundingBox();
      expect(box, name).not.toBeNull();
      expect(box!.x + box!.width, name).toBeLessThanOrEqual(800);
      expect(box!.y + box!.height, name).toBeLessThanOrEqual(700);
    }
    const stage = await page.locator('#sigma').boundingBox();
    expect(stage!.width).toBeGreaterThanOrEqual(440);
    expect(await page.locator('#sidebar').isVisible()).toBe(false);
    await shot(page, 'narrow-800x700');
    await page.locator('#btn-sidebar').click();
    await page.locator('#sidebar').waitFor({ state: 'visible' });
    expect(await page.locator('#btn-sidebar').getAttribute('aria-expanded')).toBe('true');
    await page.locator('#legend-types [data-label="Drug"]').waitFor();
    await shot(page, 'narrow-800x700-legend');
    await page.keyboard.press('Escape');
    await page.locator('#sidebar').waitFor({ state: 'hidden' });
    await page.getByRole('tab', { name: 'Questions' }).click();
    await page.locator('#questions-panel .question').first().waitFor();
    await shot(page, 'narrow-800x700-questions');
    expect(errors).toEqual([]);
    await context.close();
  });
});
