// The shapes the console API answers with (src/console/api.ts), as the front end reads them.
import type { Choice, JsonSchema } from './schema-form';

export interface SessionInfo {
  enabled: boolean;
  authenticated: boolean;
  csrf?: string;
  expires_at?: string;
}

export interface ProviderInfo {
  id: string;
  display_name: string;
  secret_fields: string[];
  settings_schema: JsonSchema;
  functions: string[];
  has_check: boolean;
}

export interface FunctionInfo {
  name: string;
  page_name: string;
  group: string;
  kind: string;
}

export interface Health {
  status: 'ok' | 'degraded' | 'recovering' | 'down' | 'idle';
  circuit: 'closed' | 'half_open' | 'open';
  seen_by_this_process: boolean;
}

export interface TenantInfo {
  id: string;
  name: string;
  provider: string;
  provider_name: string;
  settings: Record<string, unknown>;
  secrets_set: string[];
  options: Record<string, unknown>;
  supported_functions: string[];
  created_at: string;
  updated_at: string;
}

export interface TenantRow extends TenantInfo {
  health: Health;
  calls_last_hour: number;
  erp_error_rate: number;
  active_keys: number;
  functions_ready: number;
}

export interface CheckAnswer {
  ok: boolean;
  messages: string[];
  choices: Record<string, Choice[]>;
  functions: { name: string; ready: boolean; missing: string[] }[];
}

export interface KeyInfo {
  id: string;
  tenant_id: string;
  tenant_name: string;
  prefix: string;
  label: string;
  allowed_functions: string[] | null;
  created_at: string;
  revoked_at: string | null;
}

export interface CallRow {
  id: number;
  at: string;
  request_id: string;
  tenant_id: string;
  tenant_name: string;
  key_id: string;
  function: string;
  outcome: string;
  latency_ms: number;
}

export interface CallDetail extends CallRow {
  provider: string | null;
  function_page_name: string | null;
  key: { id: string; prefix: string; label: string; revoked_at: string | null } | null;
  error: { code: string; status?: number; description?: string } | null;
}

export interface SettlementRow {
  tenant_id: string;
  tenant_name: string;
  transaction_id: string;
  boleto_id: string;
  state: string;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  needs_attention: boolean;
  retryable: boolean;
}

export interface SettlementDetail extends SettlementRow {
  outcome: unknown;
  attempts_made: { at: string; kind: string; result: string; detail: string }[];
}

export interface HourStats {
  calls: number;
  errors: number;
  erp_failures: number;
  erp_error_rate: number;
  latency_p50_ms: number | null;
  latency_p95_ms: number | null;
  buckets: { calls: number; erp_failures: number; max_ms: number }[];
}

export interface HealthAnswer {
  at: string;
  erp_protection: 'fleet' | 'process';
  checks: Record<string, string>;
  tenants: (Health & {
    id: string;
    name: string;
    provider: string;
    provider_name: string;
    in_flight: number;
    waiting: number;
    last_hour: HourStats | null;
  })[];
}
