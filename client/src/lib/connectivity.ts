/**
 * Whether the API and Neo4j are reachable, as `/api/health` says — never guessed from
 * an ordinary request error. A failed request only asks for a check; while the health
 * check fails it is repeated, and the state clears as soon as it answers "ok".
 */
import { Emitter } from '../state/events.js';

export type Connectivity =
  | { status: 'ok' }
  | { status: 'down'; kind: 'api' | 'database'; reason: string }
  | { status: 'checking' };

export class ConnectivityMonitor extends Emitter<{ change: [Connectivity] }> {
  state: Connectivity = { status: 'ok' };
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<Connectivity> | null = null;

  constructor(
    private readonly retryMs = 3000,
    private readonly fetchFn: typeof fetch = (...a) => fetch(...a),
  ) {
    super();
  }

  get down(): boolean {
    return this.state.status === 'down';
  }

  /** Ask /api/health now (one check at a time); keeps polling while it is down. */
  check(): Promise<Connectivity> {
    this.running ??= this.probe().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async probe(): Promise<Connectivity> {
    let next: Connectivity;
    try {
      const res = await this.fetchFn('/api/health', { headers: { accept: 'application/json' } });
      const body = (await res.json().catch(() => ({}))) as { status?: string; reason?: string; error?: string };
      next =
        res.ok && body.status === 'ok'
          ? { status: 'ok' }
          : {
              status: 'down',
              kind: 'database',
              reason: String(body.reason ?? body.error ?? `HTTP ${res.status}`),
            };
    } catch (e) {
      next = { status: 'down', kind: 'api', reason: e instanceof Error ? e.message : String(e) };
    }
    this.set(next);
    if (this.timer) clearTimeout(this.timer);
    this.timer = next.status === 'down' ? setTimeout(() => void this.check(), this.retryMs) : undefined;
    return next;
  }

  private set(next: Connectivity): void {
    const changed = JSON.stringify(next) !== JSON.stringify(this.state);
    this.state = next;
    if (changed) this.emit('change', next);
  }
}
