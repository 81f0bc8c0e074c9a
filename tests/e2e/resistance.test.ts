/** Resistance panel: a drug → its resistance pathways with drivers and what overcomes them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('resistance panel', () => {
  it('lists and highlights the resistance pathways to sorafenib', async () => {
    const { page, errors } = await openViewer(h);
    await page.getByRole('tab', { name: 'Resistance' }).click();
    await searchAndPick(page, '#resistance-panel input', 'sorafenib', 'Sorafenib');
    await page.waitForURL(/resistance=drug%3Asorafenib/);
    await waitIdle(page);
    const cards = page.locator('#resistance-panel .pathway');
    await cards.first().waitFor();
    expect(await cards.count()).toBeGreaterThan(0);
    const text = (await cards.first().textContent()) ?? '';
    expect(text).toContain('Drivers');
    expect(text).toContain('Overcome by');
    expect((await appState(page)).overlay).toEqual({ kind: 'resistance', target: 'drug:sorafenib' });
    const hl = await page.evaluate(() => (window as any).__atlas.view.highlight?.nodes.size ?? 0);
    expect(hl).toBeGreaterThan(1);
    // A mechanism link moves the details to it.
    await cards.first().click();
    await page.waitForTimeout(300);
    await shot(page, 'resistance-sorafenib');
    const mech = cards.first().locator('h3 .link-btn');
    const name = ((await mech.textContent()) ?? '').trim();
    await mech.click();
    await page.locator('#details-name').filter({ hasText: name }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
