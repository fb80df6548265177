import { sql } from 'kysely';
import pg from 'pg';
import type { Db } from '../../db/database.ts';

/** What changed in a tenant: enough for a page to know it should refetch, nothing more. */
export type TenantChange = {
  tenantId: string;
  /** Coarse areas: 'records', 'targets', 'schemes', 'periods', 'settings', 'metrics', 'points'. */
  topics: string[];
  /** Server time of the write (ISO); pages show "updated at". */
  at: string;
};

type Listener = (change: TenantChange) => void;

const CHANNEL = 'pacer_changes';

/**
 * The in-process change bus every live page and every read cache listens to. A write publishes
 * once its transaction committed; listeners in this process hear it at once. With PostgreSQL,
 * `listenAcrossProcesses` also relays changes through LISTEN/NOTIFY, so a write served by one
 * server process reaches pages held open by another.
 */
export class LiveHub {
  private readonly listeners = new Set<Listener>();
  private readonly origin = crypto.randomUUID();
  private notify: ((payload: string) => Promise<void>) | undefined;
  private client: pg.Client | undefined;
  private closed = false;

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Tells this process at once and, when connected, every other process. */
  publish(change: TenantChange): void {
    this.deliver(change);
    if (this.notify) {
      const payload = JSON.stringify({ ...change, origin: this.origin });
      this.notify(payload).catch(() => {
        // A lost notification only delays other processes until their next change; never fail a write for it.
      });
    }
  }

  /**
   * Relays changes through PostgreSQL: NOTIFY on publish, LISTEN on a dedicated connection (a
   * pooled one would be handed to queries). Reconnects after the connection drops.
   */
  async listenAcrossProcesses(db: Db, url: string): Promise<void> {
    this.notify = async (payload) => {
      await sql`select pg_notify(${CHANNEL}, ${payload})`.execute(db);
    };
    await this.connect(url);
  }

  private async connect(url: string): Promise<void> {
    const client = new pg.Client({ connectionString: url });
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      const { origin, ...change } = JSON.parse(message.payload) as TenantChange & { origin: string };
      if (origin !== this.origin) this.deliver(change);
    });
    client.on('error', () => {
      void client.end().catch(() => undefined);
      if (this.client === client) this.client = undefined;
      if (!this.closed) setTimeout(() => void this.connect(url).catch(() => undefined), 1000).unref();
    });
    await client.connect();
    await client.query(`listen ${CHANNEL}`);
    this.client = client;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    this.notify = undefined;
    await this.client?.end().catch(() => undefined);
  }

  private deliver(change: TenantChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // One broken listener (a closed stream) must not stop the others.
      }
    }
  }
}
