// The events Ponte tells a platform about, and their bodies (docs/webhooks.md). A settlement's
// event id is derived from the tenant, the transaction and what happened, so the same fact written
// twice (a retried write, two processes) is one event, and receivers drop duplicates by it.
// Bodies carry the ids the platform itself sent and the ERP's answer, never the customer's
// document, name or contacts: free text from the ERP (its answer, an error) is masked as logs are,
// in case the ERP echoed the customer's data in it.
import { createHash, randomUUID } from 'node:crypto';
import { maskPersonalData } from '../logging/mask.js';
import type { NewWebhookEvent, SettlementRow } from '../store/index.js';
import type { SettlementState } from '../store/schema.js';

export const EVENT_TYPES = [
  'settlement.settled',
  'settlement.already_settled',
  'settlement.rejected',
  'settlement.needs_attention',
  'erp.unavailable',
  'erp.recovered',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
/** Sent only by `ponte webhooks test` / POST .../test, to one endpoint. */
export const TEST_EVENT = 'webhook.test';

function eventId(...parts: string[]): string {
  return `evt_${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32)}`;
}

function body(id: string, type: string, createdAt: string, data: Record<string, unknown>): string {
  return JSON.stringify({ id, type, created_at: createdAt, data });
}

/**
 * The event a settlement's change to `state` produces, or undefined when there is none to tell:
 * a terminal outcome (settled, already_settled, rejected; failed is needs_attention), or a
 * settlement still queued after `attentionAfter` attempts. The caller writes it only for a
 * settlement whose platform was not given this outcome as the answer (it got `queued`, or none).
 */
export function settlementEvent(
  row: Pick<SettlementRow, 'tenant_id' | 'transaction_id' | 'boleto_id' | 'attempts'>,
  state: SettlementState,
  result: { outcome: string | null; lastError: string | null },
  at: string,
  attentionAfter: number,
): NewWebhookEvent | undefined {
  const base = { transaction_id: row.transaction_id, boleto_id: row.boleto_id };
  let type: EventType;
  let key: string;
  let data: Record<string, unknown>;
  if (state === 'settled' || state === 'already_settled' || state === 'rejected') {
    const outcome = JSON.parse(result.outcome ?? '{}') as Record<string, unknown>;
    type = `settlement.${state}`;
    key = state;
    data = {
      ...base,
      status: state,
      success: outcome.success === true,
      api_response: typeof outcome.api_response === 'string' ? maskPersonalData(outcome.api_response) : '',
      ...(typeof outcome.settlement_id === 'string' ? { settlement_id: outcome.settlement_id } : {}),
      occurred_at: at,
    };
  } else if (state === 'failed') {
    const error = JSON.parse(result.outcome ?? '{}') as { code?: string; message?: string };
    type = 'settlement.needs_attention';
    key = 'needs_attention:failed';
    data = {
      ...base,
      state,
      reason: 'failed',
      error: { code: error.code ?? 'INTERNAL', message: maskPersonalData(error.message ?? '') },
      attempts: row.attempts,
      occurred_at: at,
    };
  } else if ((state === 'queued' || state === 'unknown') && row.attempts >= attentionAfter) {
    type = 'settlement.needs_attention';
    key = 'needs_attention:stuck';
    data = {
      ...base,
      state: 'queued',
      reason: 'stuck',
      attempts: row.attempts,
      last_error: maskPersonalData(result.lastError ?? ''),
      occurred_at: at,
    };
  } else {
    return undefined;
  }
  const id = eventId('settlement', row.tenant_id, row.transaction_id, key);
  return {
    id,
    tenant_id: row.tenant_id,
    type,
    ordering_key: `settlement:${row.transaction_id}`,
    body: body(id, type, at, data),
    created_at: at,
  };
}

/** erp.unavailable / erp.recovered: the tenant's circuit opened or closed. */
export function circuitEvent(
  tenantId: string,
  erpName: string,
  change: 'opened' | 'closed',
  at: string,
): NewWebhookEvent {
  const id = `evt_${randomUUID().replace(/-/g, '')}`;
  const type: EventType = change === 'opened' ? 'erp.unavailable' : 'erp.recovered';
  return {
    id,
    tenant_id: tenantId,
    type,
    ordering_key: 'erp',
    body: body(id, type, at, {
      erp: erpName,
      circuit: change === 'opened' ? 'open' : 'closed',
      occurred_at: at,
    }),
    created_at: at,
  };
}

export function testEvent(tenantId: string, endpointId: string, at: string): NewWebhookEvent {
  const id = `evt_${randomUUID().replace(/-/g, '')}`;
  return {
    id,
    tenant_id: tenantId,
    type: TEST_EVENT,
    ordering_key: `test:${endpointId}`,
    body: body(id, TEST_EVENT, at, { endpoint_id: endpointId, occurred_at: at }),
    created_at: at,
  };
}
