// ERP health: per tenant, its circuit (as this Ponte process sees it), the ERP failure rate and the
// call latency over the last hour (from the audit, so every process's calls count), and a chart of
// the hour in 5-minute bars.
import { useEffect } from 'preact/hooks';
import { api } from '../api';
import { circuitLabels } from '../labels';
import type { HealthAnswer, HourStats } from '../types';
import { Badge, Empty, ErrorBox, Loading, PageHeader, link, ms, percent, useLoad, when } from '../ui';
import { HealthBadge } from './tenants';

function Bars(props: { stats: HourStats }) {
  const max = Math.max(1, ...props.stats.buckets.map((b) => b.calls));
  return (
    <div class="bars" aria-label="chamadas por 5 minutos na última hora">
      {props.stats.buckets.map((b, i) => (
        <div
          key={i}
          class="bar"
          title={`${b.calls} chamadas, ${b.erp_failures} falhas do ERP, mais lenta ${ms(b.max_ms)}`}
        >
          <div class="bar-ok" style={{ height: `${((b.calls - b.erp_failures) / max) * 100}%` }} />
          <div class="bar-bad" style={{ height: `${(b.erp_failures / max) * 100}%` }} />
        </div>
      ))}
    </div>
  );
}

export function HealthPage() {
  const { data, error, reload } = useLoad(() => api<HealthAnswer>('GET', '/health'));
  useEffect(() => {
    const timer = setInterval(reload, 15_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <>
      <PageHeader
        title="Saúde dos ERPs"
        subtitle="Última hora, por tenant. Atualiza a cada 15 segundos."
        actions={
          <button type="button" class="btn" onClick={reload}>
            Atualizar
          </button>
        }
      />
      <ErrorBox error={error} onRetry={reload} />
      {!data && !error && <Loading />}
      {data && (
        <p class="muted small">
          Proteção dos ERPs{' '}
          {data.erp_protection === 'fleet' ? 'compartilhada pela frota (Redis)' : 'por processo'}
          {Object.entries(data.checks).map(([k, v]) => ` · ${k}: ${v}`)} · medido em {when(data.at)}
        </p>
      )}
      {data && data.tenants.length === 0 && (
        <Empty title="Nenhum tenant">
          A saúde aparece aqui para cada tenant. <a href={link('/tenants/new')}>Criar tenant</a>
        </Empty>
      )}
      {data && data.tenants.length > 0 && (
        <div class="health-grid">
          {data.tenants.map((t) => {
            const s = t.last_hour;
            return (
              <section key={t.id} class={`card health health-${t.status}`} data-tenant={t.name}>
                <header>
                  <div>
                    <a href={link(`/tenants/${t.id}`)} class="strong">
                      {t.name}
                    </a>
                    <div class="muted small">{t.provider_name}</div>
                  </div>
                  <HealthBadge status={t.status} />
                </header>
                <div class="stats">
                  <div>
                    <span class="stat-label">Circuito</span>
                    <span class="stat-value">
                      <Badge tone={t.circuit === 'closed' ? 'ok' : t.circuit === 'open' ? 'bad' : 'warn'}>
                        {circuitLabels[t.circuit] ?? t.circuit}
                      </Badge>
                    </span>
                  </div>
                  <div>
                    <span class="stat-label">Falhas do ERP</span>
                    <span class="stat-value">{s ? percent(s.erp_error_rate) : '—'}</span>
                  </div>
                  <div>
                    <span class="stat-label">Latência p50 / p95</span>
                    <span class="stat-value">
                      {ms(s?.latency_p50_ms)} / {ms(s?.latency_p95_ms)}
                    </span>
                  </div>
                  <div>
                    <span class="stat-label">Chamadas</span>
                    <span class="stat-value">{s?.calls ?? 0}</span>
                  </div>
                  <div>
                    <span class="stat-label">Em andamento</span>
                    <span class="stat-value">
                      {t.in_flight}
                      {t.waiting > 0 && ` (+${t.waiting} esperando)`}
                    </span>
                  </div>
                </div>
                {s ? <Bars stats={s} /> : <p class="muted small">Nenhuma chamada na última hora.</p>}
                {!t.seen_by_this_process && (
                  <p class="muted small">
                    Este processo ainda não chamou este ERP: o circuito começa fechado.
                  </p>
                )}
              </section>
            );
          })}
        </div>
      )}
    </>
  );
}
