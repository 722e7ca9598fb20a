// Webhooks as stored: endpoints, the outbox of events, one delivery per (event, endpoint) and the
// log of each attempt. Deliveries change state by compare-and-set on `updated_at` (as settlements
// do), so the delivery workers of every instance on one database share the outbox and never send
// the same delivery twice at once.
import type { Kysely, Selectable } from 'kysely';
import type {
  Database,
  WebhookAttemptTable,
  WebhookDeliveryState,
  WebhookDeliveryTable,
  WebhookEndpointTable,
  WebhookEventTable,
} from './schema.js';

export type WebhookEndpointRow = Selectable<WebhookEndpointTable>;
export type WebhookEventRow = Selectable<WebhookEventTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveryTable>;
export type WebhookAttemptRow = Selectable<WebhookAttemptTable>;

export interface NewWebhookEvent {
  id: string;
  tenant_id: string;
  type: string;
  ordering_key: string;
  body: string;
  created_at: string;
}

/** Whether an endpoint takes events of `type` (`*` takes every event). */
export function subscribes(endpoint: Pick<WebhookEndpointRow, 'events'>, type: string): boolean {
  const events = JSON.parse(endpoint.events) as string[];
  return events.includes('*') || events.includes(type);
}

/** How long a delivery is retried before it is marked failed: a day. */
export const DELIVERY_WINDOW_MS = 86_400_000;

export class WebhookRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insertEndpoint(row: WebhookEndpointRow): Promise<void> {
    await this.db.insertInto('webhook_endpoints').values(row).execute();
  }

  async getEndpoint(id: string): Promise<WebhookEndpointRow | undefined> {
    return this.db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async listEndpoints(tenantId?: string): Promise<WebhookEndpointRow[]> {
    let q = this.db.selectFrom('webhook_endpoints').selectAll().where('removed_at', 'is', null);
    if (tenantId !== undefined) q = q.where('tenant_id', '=', tenantId);
    return q.orderBy('created_at').orderBy('id').execute();
  }

  async updateEndpoint(
    id: string,
    changes: Partial<Omit<WebhookEndpointRow, 'id' | 'tenant_id' | 'created_at'>>,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('webhook_endpoints')
      .set(changes)
      .where('id', '=', id)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Puts an event in the outbox with one delivery per endpoint of its tenant that takes it (or to
   * `onlyEndpoint`), in `db` (a transaction when the caller has one). An event id already stored
   * is left as it is: the id is derived from what happened, so a second write of the same fact is
   * not a second event. True when this call stored it.
   */
  async enqueue(
    event: NewWebhookEvent,
    options: { db?: Kysely<Database>; onlyEndpoint?: string; giveUpAfterMs?: number } = {},
  ): Promise<boolean> {
    const db = options.db ?? this.db;
    const inserted = await db
      .insertInto('webhook_events')
      .values(event)
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    const { seq } = await db
      .selectFrom('webhook_events')
      .select('seq')
      .where('id', '=', event.id)
      .executeTakeFirstOrThrow();
    let q = db
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('tenant_id', '=', event.tenant_id)
      .where('removed_at', 'is', null);
    if (options.onlyEndpoint !== undefined) q = q.where('id', '=', options.onlyEndpoint);
    const endpoints = (await q.execute()).filter(
      (e) => options.onlyEndpoint !== undefined || subscribes(e, event.type),
    );
    const giveUpAt = new Date(
      Date.parse(event.created_at) + (options.giveUpAfterMs ?? DELIVERY_WINDOW_MS),
    ).toISOString();
    if (endpoints.length > 0) {
      await db
        .insertInto('webhook_deliveries')
        .values(
          endpoints.map((e) => ({
            event_id: event.id,
            event_seq: Number(seq),
            endpoint_id: e.id,
            tenant_id: event.tenant_id,
            ordering_key: event.ordering_key,
            state: 'pending' as const,
            attempts: 0,
            next_attempt_at: event.created_at,
            give_up_at: giveUpAt,
            lease_owner: null,
            lease_until: null,
            last_status: null,
            last_error: null,
            created_at: event.created_at,
            updated_at: event.created_at,
          })),
        )
        .onConflict((oc) => oc.columns(['event_id', 'endpoint_id']).doNothing())
        .execute();
    }
    return true;
  }

  async getEvent(id: string): Promise<WebhookEventRow | undefined> {
    return this.db.selectFrom('webhook_events').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async getDelivery(id: number): Promise<WebhookDeliveryRow | undefined> {
    return this.db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * Deliveries to send now: pending ones that are due and have no earlier delivery of the same
   * ordering key to the same endpoint still pending or being sent (per-transaction order), and
   * ones whose sender's lease ran out (its process died mid-request).
   */
  async due(now: string, limit: number): Promise<WebhookDeliveryRow[]> {
    return this.db
      .selectFrom('webhook_deliveries as d')
      .selectAll('d')
      .where((eb) =>
        eb.or([
          eb.and([
            eb('d.state', '=', 'pending'),
            eb('d.next_attempt_at', '<=', now),
            eb.not(
              eb.exists(
                eb
                  .selectFrom('webhook_deliveries as e')
                  .select('e.id')
                  .whereRef('e.endpoint_id', '=', 'd.endpoint_id')
                  .whereRef('e.ordering_key', '=', 'd.ordering_key')
                  .whereRef('e.event_seq', '<', 'd.event_seq')
                  .where('e.state', 'in', ['pending', 'delivering']),
              ),
            ),
          ]),
          eb.and([eb('d.state', '=', 'delivering'), eb('d.lease_until', '<', now)]),
        ]),
      )
      .orderBy('d.event_seq')
      .limit(limit)
      .execute();
  }

  /** Applies `changes` only if the row still has its `updated_at`; false when someone else moved it. */
  async transition(
    row: Pick<WebhookDeliveryRow, 'id' | 'updated_at'>,
    changes: Partial<Omit<WebhookDeliveryRow, 'id' | 'event_id' | 'endpoint_id' | 'created_at'>> & {
      updated_at: string;
    },
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('webhook_deliveries')
      .set(changes)
      .where('id', '=', row.id)
      .where('updated_at', '=', row.updated_at)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async recordAttempt(attempt: Omit<WebhookAttemptRow, 'id'>): Promise<void> {
    await this.db.insertInto('webhook_attempts').values(attempt).execute();
  }

  async attempts(deliveryId: number): Promise<WebhookAttemptRow[]> {
    return this.db
      .selectFrom('webhook_attempts')
      .selectAll()
      .where('delivery_id', '=', deliveryId)
      .orderBy('id')
      .execute();
  }

  async listDeliveries(filter: {
    tenantId?: string;
    endpointId?: string;
    state?: WebhookDeliveryState;
    eventId?: string;
    limit: number;
  }): Promise<(WebhookDeliveryRow & { type: string })[]> {
    let q = this.db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_events as v', 'v.id', 'd.event_id')
      .selectAll('d')
      .select('v.type');
    if (filter.tenantId !== undefined) q = q.where('d.tenant_id', '=', filter.tenantId);
    if (filter.endpointId !== undefined) q = q.where('d.endpoint_id', '=', filter.endpointId);
    if (filter.state !== undefined) q = q.where('d.state', '=', filter.state);
    if (filter.eventId !== undefined) q = q.where('d.event_id', '=', filter.eventId);
    return q.orderBy('d.id', 'desc').limit(filter.limit).execute();
  }
}
