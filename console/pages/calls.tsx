// Calls: the audit log (every function call: tenant, function, outcome, latency, request id) with
// filters kept in the address (so a filtered view can be shared), paging, and one call's detail.
import { useState } from 'preact/hooks';
import { api, query } from '../api';
import { errorLabels } from '../labels';
import type { CallDetail, CallRow, FunctionInfo, TenantRow } from '../types';
import { Badge, CopyButton, Empty, ErrorBox, Loading, PageHeader, go, link, ms, useLoad, when } from '../ui';

export interface CallFilters {
  tenant: string;
  function: string;
  status: string;
  period: string;
  /** Local date and time (the browser's datetime-local), inclusive. */
  since: string;
  until: string;
  request_id: string;
}

const PERIODS: Record<string, { label: string; ms: number }> = {
  '15m': { label: 'últimos 15 min', ms: 15 * 60_000 },
  '1h': { label: 'última hora', ms: 3_600_000 },
  '24h': { label: 'últimas 24 h', ms: 86_400_000 },
  '7d': { label: 'últimos 7 dias', ms: 7 * 86_400_000 },
};

function localToIso(local: string): string | undefined {
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export function Outcome(props: { outcome: string }) {
  if (props.outcome === 'ok') return <Badge tone="ok">ok</Badge>;
  const tone = ['ERP_UNAVAILABLE', 'ERP_BAD_RESPONSE', 'INTERNAL', 'SERVICE_UNAVAILABLE'].includes(
    props.outcome,
  )
    ? 'bad'
    : 'warn';
  return (
    <Badge tone={tone} title={errorLabels[props.outcome]}>
      {props.outcome}
    </Badge>
  );
}

export function Calls(props: { filters: CallFilters }) {
  const f = props.filters;
  const tenants = useLoad(() => api<TenantRow[]>('GET', '/tenants'));
  const functions = useLoad(() => api<FunctionInfo[]>('GET', '/functions'));
  const [more, setMore] = useState<CallRow[]>([]);
  const [requestId, setRequestId] = useState(f.request_id);
  const params = () => ({
    tenant: f.tenant,
    function: f.function,
    status: f.status,
    request_id: f.request_id,
    since: f.since
      ? localToIso(f.since)
      : f.period && PERIODS[f.period]
        ? new Date(Date.now() - PERIODS[f.period]!.ms).toISOString()
        : undefined,
    until: f.until ? localToIso(f.until) : undefined,
  });
  const calls = useLoad(() => {
    setMore([]);
    return api<{ calls: CallRow[]; more: boolean }>('GET', `/calls${query(params())}`);
  }, [f.tenant, f.function, f.status, f.period, f.since, f.until, f.request_id]);
  const [hasMore, setHasMore] = useState<boolean | undefined>(undefined);
  const all = [...(calls.data?.calls ?? []), ...more];
  const canLoadMore = hasMore ?? calls.data?.more ?? false;
  const loadMore = async () => {
    const last = all[all.length - 1];
    if (!last) return;
    const page = await api<{ calls: CallRow[]; more: boolean }>(
      'GET',
      `/calls${query({ ...params(), before: last.id })}`,
    );
    setMore([...more, ...page.calls]);
    setHasMore(page.more);
  };
  const set = (changes: Partial<CallFilters>) => {
    setHasMore(undefined);
    go(`/calls${query({ ...f, ...changes })}`);
  };
  const filtered = f.tenant || f.function || f.status || f.period || f.since || f.until || f.request_id;
  return (
    <>
      <PageHeader
        title="Chamadas"
        subtitle="Cada chamada de função feita ao Ponte: quem chamou, o resultado e quanto tempo levou."
        actions={
          <button type="button" class="btn" onClick={calls.reload}>
            Atualizar
          </button>
        }
      />
      <form
        class="toolbar filters"
        onSubmit={(e) => {
          e.preventDefault();
          set({ request_id: requestId.trim() });
        }}
      >
        <label class="inline">
          Tenant
          <select name="tenant" value={f.tenant} onChange={(e) => set({ tenant: e.currentTarget.value })}>
            <option value="">todos</option>
            {(tenants.data ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label class="inline">
          Função
          <select
            name="function"
            value={f.function}
            onChange={(e) => set({ function: e.currentTarget.value })}
          >
            <option value="">todas</option>
            {(functions.data ?? []).map((fn) => (
              <option key={fn.name} value={fn.name}>
                {fn.name}
              </option>
            ))}
          </select>
        </label>
        <label class="inline">
          Resultado
          <select name="status" value={f.status} onChange={(e) => set({ status: e.currentTarget.value })}>
            <option value="">todos</option>
            <option value="ok">ok</option>
            <option value="error">erros</option>
            {Object.keys(errorLabels)
              .filter((c) => c !== 'NETWORK')
              .map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
          </select>
        </label>
        <label class="inline">
          Período
          <select
            name="period"
            value={f.period}
            onChange={(e) => set({ period: e.currentTarget.value, since: '' })}
          >
            <option value="">todo o registro</option>
            {Object.entries(PERIODS).map(([k, p]) => (
              <option key={k} value={k}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label class="inline">
          Desde
          <input
            type="datetime-local"
            name="since"
            value={f.since}
            onChange={(e) => set({ since: e.currentTarget.value, period: '' })}
          />
        </label>
        <label class="inline">
          Até
          <input
            type="datetime-local"
            name="until"
            value={f.until}
            onChange={(e) => set({ until: e.currentTarget.value })}
          />
        </label>
        <label class="inline">
          Request id
          <input
            name="request_id"
            placeholder="cole um request id"
            value={requestId}
            onInput={(e) => setRequestId(e.currentTarget.value)}
          />
        </label>
        {filtered && (
          <a class="btn btn-ghost btn-small" href={link('/calls')}>
            Limpar filtros
          </a>
        )}
      </form>
      <ErrorBox error={calls.error} onRetry={calls.reload} />
      {!calls.data && !calls.error && <Loading />}
      {calls.data && all.length === 0 && (
        <Empty title={filtered ? 'Nenhuma chamada com estes filtros' : 'Nenhuma chamada registrada'}>
          {filtered
            ? 'Mude ou limpe os filtros.'
            : 'As chamadas aparecem aqui assim que uma plataforma usar uma chave de API.'}
        </Empty>
      )}
      {all.length > 0 && (
        <div class="card table-card">
          <table data-testid="calls">
            <thead>
              <tr>
                <th>Quando</th>
                <th>Tenant</th>
                <th>Função</th>
                <th>Resultado</th>
                <th class="num">Latência</th>
                <th>Request id</th>
              </tr>
            </thead>
            <tbody>
              {all.map((c) => (
                <tr key={c.id} class="clickable" onClick={() => go(`/calls/${c.id}`)} data-call={c.id}>
                  <td>{when(c.at)}</td>
                  <td>{c.tenant_name}</td>
                  <td>
                    <code>{c.function}</code>
                  </td>
                  <td>
                    <Outcome outcome={c.outcome} />
                  </td>
                  <td class="num">{ms(c.latency_ms)}</td>
                  <td class="mono small">
                    <a href={link(`/calls/${c.id}`)}>{c.request_id}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {canLoadMore && (
            <div class="table-footer">
              <button type="button" class="btn" onClick={() => void loadMore()}>
                Carregar mais
              </button>
            </div>
          )}
        </div>
      )}
    </>
  );
}

export function CallPage(props: { id: string }) {
  const { data, error, reload } = useLoad(() => api<CallDetail>('GET', `/calls/${props.id}`), [props.id]);
  if (error) return <ErrorBox error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  return (
    <>
      <PageHeader
        title={`Chamada ${data.function}`}
        subtitle={data.function_page_name ?? undefined}
        actions={
          <a class="btn" href={link('/calls')}>
            ← Todas as chamadas
          </a>
        }
      />
      <div class="card">
        <dl class="details">
          <dt>Resultado</dt>
          <dd>
            <Outcome outcome={data.outcome} />
            {data.error && (
              <p class="muted">
                {errorLabels[data.error.code] ?? data.error.code}
                {data.error.status !== undefined && ` (HTTP ${data.error.status})`}: {data.error.description}
              </p>
            )}
          </dd>
          <dt>Quando</dt>
          <dd>{when(data.at)}</dd>
          <dt>Tenant</dt>
          <dd>
            <a href={link(`/tenants/${data.tenant_id}`)}>{data.tenant_name}</a>{' '}
            <span class="muted">({data.provider})</span>
          </dd>
          <dt>Função</dt>
          <dd>
            <code>{data.function}</code>
          </dd>
          <dt>Latência</dt>
          <dd>{ms(data.latency_ms)}</dd>
          <dt>Chave</dt>
          <dd>
            {data.key ? (
              <>
                <span class="mono">{data.key.prefix}…</span> {data.key.label}{' '}
                {data.key.revoked_at && <Badge tone="muted">revogada</Badge>}
              </>
            ) : data.key_id === 'cli' ? (
              'linha de comando (ponte call)'
            ) : (
              <span class="muted">{data.key_id || '—'}</span>
            )}
          </dd>
          <dt>Request id</dt>
          <dd>
            <span class="mono" data-copy-source>
              {data.request_id}
            </span>{' '}
            <CopyButton text={data.request_id} />
            <p class="help">Procure este id nos logs do Ponte (campo request_id) para ver o que aconteceu.</p>
          </dd>
        </dl>
      </div>
    </>
  );
}
