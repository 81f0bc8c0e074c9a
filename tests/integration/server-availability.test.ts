/**
 * Neo4j down → 503 with a reason, promptly; Neo4j back → 200 without restarting the
 * server. "Down" and "back" are a small TCP proxy in front of the test Neo4j that the
 * test closes (dropping live connections) and reopens on the same port.
 */
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/app.js';
import { testNeo4jConfig } from '../helpers/neo4j.js';

class TcpProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  static async freePort(): Promise<number> {
    const s = net.createServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const port = (s.address() as net.AddressInfo).port;
    await new Promise<void>((r) => s.close(() => r()));
    return port;
  }

  async open(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  /** Stops listening and cuts every live connection, as a crashed database would. */
  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((r) => server.close(() => r()));
  }
}

function upstream(): { host: string; port: number } {
  const url = new URL(testNeo4jConfig().uri.replace(/^[a-z+]+:/, 'http:'));
  return { host: url.hostname, port: Number(url.port || 7687) };
}

async function getJson(url: string): Promise<{ status: number; body: any; ms: number }> {
  const t0 = Date.now();
  const res = await fetch(url);
  return { status: res.status, body: await res.json(), ms: Date.now() - t0 };
}

const servers: RunningServer[] = [];
const proxies: TcpProxy[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await Promise.all(proxies.map((p) => p.close()));
});

describe('Neo4j unavailable', () => {
  it('answers 503 with the reason when nothing listens at the configured address', async () => {
    const server = await startServer({
      port: 0,
      config: { ...testNeo4jConfig(), uri: 'bolt://127.0.0.1:1', boltPort: 1 },
      log: () => {},
    });
    servers.push(server);

    const health = await getJson(`${server.url}/api/health`);
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({
      status: 'unavailable',
      error: 'Neo4j unavailable',
      neo4j: { uri: 'bolt://127.0.0.1:1', reachable: false },
      nodes: null,
    });
    expect(health.body.reason).toMatch(/ECONNREFUSED|Failed to connect|connect/i);

    // Query endpoints fail fast too, instead of sitting in the driver's 30 s retry loop.
    for (const path of ['/api/search?q=nivolumab', '/api/nodes/drug:nivolumab', '/api/schema']) {
      const r = await getJson(server.url + path);
      expect(r.status, path).toBe(503);
      expect(r.body.error).toBe('Neo4j unavailable');
      expect(r.body.reason).toMatch(/ECONNREFUSED|Failed to connect|connect/i);
      expect(r.ms, path).toBeLessThan(10_000);
    }
    const cypher = await fetch(`${server.url}/api/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'MATCH (n) RETURN count(n)' }),
    });
    expect(cypher.status).toBe(503);
  });

  it('recovers by itself when the database comes back, and notices when it goes again', async () => {
    const proxy = new TcpProxy(await TcpProxy.freePort(), upstream());
    proxies.push(proxy);
    const server = await startServer({
      port: 0,
      config: { ...testNeo4jConfig(), uri: `bolt://127.0.0.1:${proxy.port}`, boltPort: proxy.port },
      log: () => {},
    });
    servers.push(server);

    // Down from the start.
    expect((await getJson(`${server.url}/api/health`)).status).toBe(503);
    expect((await getJson(`${server.url}/api/search?q=nivolumab`)).status).toBe(503);

    // Comes up: the very next requests succeed, no restart.
    await proxy.open();
    const up = await getJson(`${server.url}/api/health`);
    expect(up.status).toBe(200);
    expect(up.body.status).toBe('ok');
    expect(up.body.nodes).toBeGreaterThan(0);
    const search = await getJson(`${server.url}/api/search?q=nivolumab`);
    expect(search.status).toBe(200);
    expect(search.body[0].id).toBe('drug:nivolumab');

    // Goes down with connections in the pool: reported as 503, not a hang or a 500.
    await proxy.close();
    const down = await getJson(`${server.url}/api/nodes/drug:nivolumab`);
    expect(down.status).toBe(503);
    expect(down.body.error).toBe('Neo4j unavailable');
    expect(down.ms).toBeLessThan(10_000);
    expect((await getJson(`${server.url}/api/health`)).status).toBe(503);

    // And back again.
    await proxy.open();
    const again = await getJson(`${server.url}/api/nodes/drug:nivolumab`);
    expect(again.status).toBe(200);
    expect(again.body.node.name).toBe('Nivolumab');
    expect((await getJson(`${server.url}/api/health`)).status).toBe(200);
  });
});
