// Settlements (baixas): the queue by state with each one's attempts, retry now, and the ones that
// wait for a person (failed, or still not applied after many attempts).
import { useState } from 'preact/hooks';
import { api, query } from '../api';
import { settlementStates } from '../labels';
import type { SettlementDetail, SettlementRow, TenantRow } from '../types';
import { Badge, Empty, ErrorBox, Loading, PageHeader, ago, go, link, useLoad, when } from '../ui';

const VIEWS: Record<string, { label: string; states: string[] }> = {
  waiting: { label: 'Na fila', states: ['queued', 'unknown', 'received', 'applying'] },
  attention: { label: 'Precisam de atenção', states: [] },
  done: { label: 'Concluídas', states: ['settled', 'already_settled', 'rejected'] },
  all: { label: 'Todas', states: [] },
};

export function StateBadge(props: { state: string }) {
  const s = settlementStates[props.state] ?? { label: props.state, tone: 'muted' as const };
  return <Badge tone={s.tone}>{s.label}</Badge>;
}

export function Settlements(props: { view: string; tenant: string }) {
  const view = VIEWS[props.view] ? props.view : 'waiting';
  const tenants = useLoad(() => api<TenantRow[]>('GET', '/tenants'));
  const list = useLoad(
    () =>
      api<{ settlements: SettlementRow[]; counts: Record<string, number> }>(
        'GET',
        `/settlements${query({ view, tenant: props.tenant })}`,
      ),
    [view, props.tenant],
  );
  const [error, setError] = useState<unknown>(undefined);
  const [notice, setNotice] = useState('');
  const retry = async (s: SettlementRow) => {
    setError(undefined);
    setNotice('');
    try {
      await api('POST', `/settlements/${s.tenant_id}/${encodeURIComponent(s.transaction_id)}/retry`);
      setNotice(`A baixa ${s.transaction_id} vai ser tentada agora.`);
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  const counts = list.data?.counts ?? {};
  const countOf = (v: string) =>
    v === 'all'
      ? Object.values(counts).reduce((a, b) => a + b, 0)
      : VIEWS[v]!.states.reduce((a, s) => a + (counts[s] ?? 0), 0);
  return (
    <>
      <PageHeader
        title="Baixas"
        subtitle="Pagamentos enviados com settle_bill. Os que o ERP não confirmou ficam na fila e são tentados de novo."
        actions={
          <button type="button" class="btn" onClick={list.reload}>
            Atualizar
          </button>
        }
      />
      <nav class="tabs">
        {Object.entries(VIEWS).map(([k, v]) => (
          <a
            key={k}
            class={`tab${k === view ? ' active' : ''}`}
            href={link(`/settlements${query({ view: k, tenant: props.tenant })}`)}
          >
            {v.label}
            {k !== 'attention' && <span class="count">{countOf(k)}</span>}
          </a>
        ))}
        <span class="spacer" />
        <select
          aria-label="tenant"
          value={props.tenant}
          onChange={(e) => go(`/settlements${query({ view, tenant: e.currentTarget.value })}`)}
        >
          <option value="">todos os tenants</option>
          {(tenants.data ?? []).map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </nav>
      {notice && <div class="alert alert-ok">{notice}</div>}
      <ErrorBox error={error ?? list.error} onRetry={list.reload} />
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.settlements.length === 0 && (
        <Empty
          title={
            view === 'waiting'
              ? 'Fila vazia'
              : view === 'attention'
                ? 'Nada precisa de atenção'
                : 'Nenhuma baixa'
          }
        >
          {view === 'waiting'
            ? 'Todas as baixas recebidas foram confirmadas pelo ERP.'
            : view === 'attention'
              ? 'Nenhuma baixa falhou nem está presa na fila.'
              : 'As baixas aparecem aqui quando uma plataforma chama settle_bill.'}
        </Empty>
      )}
      {list.data && list.data.settlements.length > 0 && (
        <div class="card table-card">
          <table data-testid="settlements">
            <thead>
              <tr>
                <th>Transação</th>
                <th>Tenant</th>
                <th>Boleto</th>
                <th>Estado</th>
                <th class="num">Tentativas</th>
                <th>Próxima tentativa</th>
                <th>Último erro</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.data.settlements.map((s) => (
                <tr key={`${s.tenant_id}/${s.transaction_id}`} data-transaction={s.transaction_id}>
                  <td class="mono">
                    <a href={link(`/settlements/${s.tenant_id}/${encodeURIComponent(s.transaction_id)}`)}>
                      {s.transaction_id}
                    </a>
                  </td>
                  <td>{s.tenant_name}</td>
                  <td class="mono">{s.boleto_id}</td>
                  <td>
                    <StateBadge state={s.state} />
                    {s.needs_attention && (
                      <>
                        {' '}
                        <Badge tone="bad">atenção</Badge>
                      </>
                    )}
                  </td>
                  <td class="num">{s.attempts}</td>
                  <td>{s.retryable ? ago(s.next_attempt_at) : '—'}</td>
                  <td class="small">
                    <div class="error-text clamp" title={s.last_error ?? ''}>
                      {s.last_error ?? '—'}
                    </div>
                  </td>
                  <td class="right">
                    {s.retryable && (
                      <button type="button" class="btn btn-small" onClick={() => void retry(s)}>
                        Tentar agora
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function SettlementPage(props: { tenant: string; tx: string }) {
  const { data, error, reload } = useLoad(
    () => api<SettlementDetail>('GET', `/settlements/${props.tenant}/${encodeURIComponent(props.tx)}`),
    [props.tenant, props.tx],
  );
  const [retryError, setRetryError] = useState<unknown>(undefined);
  if (error) return <ErrorBox error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  const retry = async () => {
    setRetryError(undefined);
    try {
      await api('POST', `/settlements/${data.tenant_id}/${encodeURIComponent(data.transaction_id)}/retry`);
      reload();
    } catch (err) {
      setRetryError(err);
    }
  };
  return (
    <>
      <PageHeader
        title={`Baixa ${data.transaction_id}`}
        subtitle={`${data.tenant_name} · boleto ${data.boleto_id}`}
        actions={
          <>
            <a class="btn" href={link('/settlements')}>
              ← Fila
            </a>
            {data.retryable && (
              <button type="button" class="btn btn-primary" onClick={() => void retry()}>
                Tentar agora
              </button>
            )}
          </>
        }
      />
      <ErrorBox error={retryError} />
      <div class="card">
        <dl class="details">
          <dt>Estado</dt>
          <dd>
            <StateBadge state={data.state} />{' '}
            {data.needs_attention && <Badge tone="bad">precisa de atenção</Badge>}
          </dd>
          <dt>Recebida</dt>
          <dd>{when(data.created_at)}</dd>
          <dt>Tentativas</dt>
          <dd>{data.attempts}</dd>
          {data.retryable && (
            <>
              <dt>Próxima tentativa</dt>
              <dd>
                {when(data.next_attempt_at)} ({ago(data.next_attempt_at)})
              </dd>
            </>
          )}
          {data.last_error && (
            <>
              <dt>Último erro</dt>
              <dd class="error-text">{data.last_error}</dd>
            </>
          )}
        </dl>
      </div>
      <h2 class="section-title">Tentativas</h2>
      {data.attempts_made.length === 0 ? (
        <Empty title="Nenhuma tentativa ainda" />
      ) : (
        <div class="card table-card">
          <table>
            <thead>
              <tr>
                <th>Quando</th>
                <th>Tipo</th>
                <th>Resultado</th>
                <th>Detalhe</th>
              </tr>
            </thead>
            <tbody>
              {data.attempts_made.map((a, i) => (
                <tr key={i}>
                  <td>{when(a.at)}</td>
                  <td>{a.kind === 'apply' ? 'envio da baixa' : 'leitura da fatura'}</td>
                  <td>
                    <StateBadge state={a.result} />
                  </td>
                  <td class="small">{a.detail || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
