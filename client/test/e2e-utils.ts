/**
 * Shared pieces of the viewer's browser tests (tests/e2e/*.test.ts): a server over the
 * test Neo4j (or ATLAS_E2E_URL: a running server over a real Neo4j),
 * Chromium with a laptop-sized page, and pixel checks on the graph canvas.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, shot } from '../../tests/helpers/browser.js';

export { shot };

export interface Harness {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const external = process.env.ATLAS_E2E_URL;
  let server: { url: string; close(): Promise<void> };
  if (external) server = { url: external.replace(/\/$/, ''), close: async () => {} };
  else {
    const { startTestServer } = await import('../../tests/helpers/server.js');
    server = await startTestServer();
  }
  const browser = await launchBrowser();
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

export interface OpenedPage {
  page: Page;
  errors: string[];
}

/** Opens the viewer at `path` and waits until the graph is drawn. */
export async function openViewer(h: Harness, path = '/', opts: { waitGraph?: boolean } = {}): Promise<OpenedPage> {
  const context = await h.browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(h.url + path);
  if (opts.waitGraph !== false) await waitForGraph(page);
  return { page, errors };
}

export async function waitForGraph(page: Page, minNodes = 1): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const a = (window as unknown as { __atlas?: { ready: boolean; graph: { order: number } | null } }).__atlas;
      return !!a && a.ready && !!a.graph && a.graph.order >= n;
    },
    minNodes,
    { timeout: 30_000 },
  );
}

/** Wait until no request is pending and the layout has stopped. */
export async function waitIdle(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const a = (
        window as unknown as { __atlas?: { app: { busy: number }; view: { isLayoutRunning(): boolean } | null } }
      ).__atlas;
      return !!a && a.app.busy === 0 && !(a.view?.isLayoutRunning() ?? false);
    },
    undefined,
    { timeout },
  );
}

export async function graphOrder(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __atlas: { graph: { order: number } } }).__atlas.graph.order);
}

/**
 * How varied the graph canvas looks: the stage is screenshotted (what a person sees),
 * decoded in the page, and its distinct colours and non-background share counted.
 */
export async function canvasStats(page: Page): Promise<{ colors: number; inked: number }> {
  const png = await page.locator('#sigma').screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    const colors = new Set<number>();
    let inked = 0;
    const bg = [data[0]!, data[1]!, data[2]!];
    for (let i = 0; i < data.length; i += 4 * 7) {
      const r = data[i]!,
        g = data[i + 1]!,
        b = data[i + 2]!;
      colors.add((r >> 3) * 1024 + (g >> 3) * 32 + (b >> 3));
      if (Math.abs(r - bg[0]!) + Math.abs(g - bg[1]!) + Math.abs(b - bg[2]!) > 30) inked++;
    }
    return { colors: colors.size, inked: inked / (data.length / (4 * 7)) };
  }, png.toString('base64'));
}

/**
 * Type into a search box and pick, by keyboard, the suggestion whose name is `pick`
 * (exactly) or whose text matches the RegExp.
 */
export async function searchAndPick(
  page: Page,
  inputSelector: string,
  text: string,
  pick: string | RegExp,
): Promise<void> {
  const input = page.locator(inputSelector);
  await input.click();
  await input.fill('');
  await input.pressSequentially(text, { delay: 20 });
  const listId = await input.getAttribute('aria-controls');
  const options = page.locator(`#${listId} [role=option]`);
  const matches = async (i: number) => {
    if (typeof pick === 'string')
      return ((await options.nth(i).locator('.s-name').textContent()) ?? '').trim() === pick;
    return pick.test((await options.nth(i).textContent()) ?? '');
  };
  let index = -1;
  for (let attempt = 0; attempt < 50 && index < 0; attempt++) {
    const n = await options.count();
    for (let i = 0; i < n; i++)
      if (await matches(i)) {
        index = i;
        break;
      }
    if (index < 0) await page.waitForTimeout(200);
  }
  if (index < 0) throw new Error(`no suggestion ${pick} for "${text}"`);
  for (let i = 0; i < index; i++) await input.press('ArrowDown');
  await input.press('Enter');
}

/** Where a node is drawn, in page coordinates. */
export async function nodeScreenPos(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((id) => {
    const a = (window as any).__atlas;
    const d = a.sigma.getNodeDisplayData(id);
    const p = a.sigma.framedGraphToViewport(d);
    const r = a.sigma.getContainer().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, id);
}

export async function positions(page: Page): Promise<Record<string, { x: number; y: number }>> {
  return page.evaluate(() => {
    const a = (window as any).__atlas;
    const out: Record<string, { x: number; y: number }> = {};
    a.graph.forEachNode((n: string, attr: any) => (out[n] = { x: attr.x, y: attr.y }));
    return out;
  });
}

export async function appState(page: Page): Promise<any> {
  return page.evaluate(() => JSON.parse(JSON.stringify((window as any).__atlas.app.state)));
}
