// Tenants: the list (name, ERP, health), a new tenant, and one tenant's page with its settings
// form (drawn from its provider's schema), "Verificar" (the provider's check: pick lists of the
// ids found in the ERP, and which functions are ready) and the advanced options.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { healthLabels } from '../labels';
import { SchemaForm, type JsonSchema } from '../schema-form';
import type { CheckAnswer, FunctionInfo, ProviderInfo, TenantInfo, TenantRow } from '../types';
import { Badge, Empty, ErrorBox, Loading, PageHeader, go, link, percent, useLoad, when } from '../ui';

export function HealthBadge(props: { status: string }) {
  const h = healthLabels[props.status] ?? { label: props.status, tone: 'muted' as const };
  return <Badge tone={h.tone}>{h.label}</Badge>;
}

export function TenantList() {
  const { data, error, reload } = useLoad(() => api<TenantRow[]>('GET', '/tenants'));
  return (
    <>
      <PageHeader
        title="Tenants"
        subtitle="Cada tenant é um provedor ligado ao seu ERP, com suas chaves de API."
        actions={
          <a class="btn btn-primary" href={link('/tenants/new')}>
            + Novo tenant
          </a>
        }
      />
      <ErrorBox error={error} onRetry={reload} />
      {!data && !error && <Loading />}
      {data && data.length === 0 && (
        <Empty title="Nenhum tenant ainda">
          Crie o primeiro tenant para ligar um provedor ao ERP dele.{' '}
          <a href={link('/tenants/new')}>Criar tenant</a>
        </Empty>
      )}
      {data && data.length > 0 && (
        <div class="card table-card">
          <table>
            <thead>
              <tr>
                <th>Nome</th>
                <th>ERP</th>
                <th>Saúde</th>
                <th class="num">Chamadas 1 h</th>
                <th class="num">Falhas do ERP</th>
                <th class="num">Funções prontas</th>
                <th class="num">Chaves ativas</th>
              </tr>
            </thead>
            <tbody>
              {data.map((t) => (
                <tr key={t.id} class="clickable" onClick={() => go(`/tenants/${t.id}`)}>
                  <td>
                    <a href={link(`/tenants/${t.id}`)} class="strong nowrap" title={t.id}>
                      {t.name}
                    </a>
                  </td>
                  <td class="nowrap">{t.provider_name}</td>
                  <td>
                    <HealthBadge status={t.health.status} />
                  </td>
                  <td class="num">{t.calls_last_hour}</td>
                  <td class="num">{t.calls_last_hour === 0 ? '—' : percent(t.erp_error_rate)}</td>
                  <td class="num" title="pelas configurações; Verificar consulta o ERP">
                    {t.functions_ready} / {t.supported_functions.length}
                  </td>
                  <td class="num">{t.active_keys}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** Field problems of an INVALID_INPUT answer, by path. */
function problemsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.details.map((d) => [d.path, d.message]));
}

export function NewTenant() {
  const providers = useLoad(() => api<ProviderInfo[]>('GET', '/providers'));
  const [name, setName] = useState('');
  const [providerId, setProviderId] = useState('');
  const [settings, setSettings] = useState<Record<string, unknown>>({});
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const provider = providers.data?.find((p) => p.id === providerId);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const created = await api<TenantInfo>('POST', '/tenants', { name, provider: providerId, settings });
      go(`/tenants/${created.id}?created=1`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const problems = problemsOf(error);
  return (
    <>
      <PageHeader title="Novo tenant" subtitle="Escolha o ERP e informe como o Ponte chega até ele." />
      <ErrorBox error={providers.error} onRetry={providers.reload} />
      <form class="card form" onSubmit={(e) => void submit(e)}>
        <div class="form-grid">
          <div class={`field${problems.name ? ' field-error' : ''}`}>
            <label for="tenant-name" class="field-label">
              Nome<span class="required"> *</span>
            </label>
            <p class="help">Letras, números, espaço, ponto, hífen e sublinhado.</p>
            <input
              id="tenant-name"
              name="name"
              required
              value={name}
              onInput={(e) => setName(e.currentTarget.value)}
            />
            {problems.name && <p class="field-problem">{problems.name}</p>}
          </div>
          <div class="field">
            <label for="tenant-provider" class="field-label">
              ERP<span class="required"> *</span>
            </label>
            <p class="help">O sistema de gestão do provedor.</p>
            <select
              id="tenant-provider"
              name="provider"
              required
              value={providerId}
              onChange={(e) => {
                setProviderId(e.currentTarget.value);
                setSettings({});
              }}
            >
              <option value="">— escolha —</option>
              {(providers.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.display_name}
                </option>
              ))}
            </select>
          </div>
        </div>
        {provider && (
          <section class="form-section">
            <h2>Configuração do {provider.display_name}</h2>
            <p class="help">
              Só o endereço e as credenciais são obrigatórios agora: depois de criar, use <b>Verificar</b>{' '}
              para escolher filial, conta e os demais ids a partir do que existe no ERP.
            </p>
            <SchemaForm
              schema={provider.settings_schema}
              value={settings}
              onChange={setSettings}
              context={{
                secretFields: provider.secret_fields,
                secretsSet: [],
                choices: {},
                problems,
                prefix: 'settings',
              }}
            />
          </section>
        )}
        <ErrorBox error={error} />
        <div class="form-actions">
          <a class="btn btn-ghost" href={link('/tenants')}>
            Cancelar
          </a>
          <button type="submit" class="btn btn-primary" disabled={busy || !provider || name.trim() === ''}>
            {busy ? 'Criando…' : 'Criar tenant'}
          </button>
        </div>
      </form>
    </>
  );
}

export function TenantPage(props: { id: string; created: boolean }) {
  const loaded = useLoad(
    () =>
      Promise.all([
        api<TenantInfo>('GET', `/tenants/${props.id}`),
        api<ProviderInfo[]>('GET', '/providers'),
        api<JsonSchema>('GET', '/options-schema'),
        api<FunctionInfo[]>('GET', '/functions'),
      ]),
    [props.id],
  );
  if (loaded.error) return <ErrorBox error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  const [tenant, providers, optionsSchema, fns] = loaded.data;
  return (
    <TenantEditor
      key={tenant.id}
      tenant={tenant}
      provider={providers.find((p) => p.id === tenant.provider)}
      optionsSchema={optionsSchema}
      functions={fns}
      created={props.created}
    />
  );
}

function TenantEditor(props: {
  tenant: TenantInfo;
  provider: ProviderInfo | undefined;
  optionsSchema: JsonSchema;
  functions: FunctionInfo[];
  created: boolean;
}) {
  const { tenant, provider } = props;
  const [settings, setSettings] = useState<Record<string, unknown>>(tenant.settings);
  const [options, setOptions] = useState<Record<string, unknown>>(tenant.options);
  const [secretsSet, setSecretsSet] = useState<string[]>(tenant.secrets_set);
  const [check, setCheck] = useState<CheckAnswer | undefined>(undefined);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<unknown>(undefined);
  const [saveError, setSaveError] = useState<unknown>(undefined);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const pageName = new Map(props.functions.map((f) => [f.name, f.page_name]));

  const verify = async () => {
    setChecking(true);
    setCheckError(undefined);
    try {
      setCheck(await api<CheckAnswer>('POST', `/tenants/${tenant.id}/check`));
    } catch (err) {
      setCheckError(err);
    } finally {
      setChecking(false);
    }
  };
  const save = async (e: Event) => {
    e.preventDefault();
    setSaving(true);
    setSaveError(undefined);
    setSaved(false);
    try {
      const updated = await api<TenantInfo>('PATCH', `/tenants/${tenant.id}`, { settings, options });
      setSettings(updated.settings);
      setOptions(updated.options);
      setSecretsSet(updated.secrets_set);
      setSaved(true);
    } catch (err) {
      setSaveError(err);
    } finally {
      setSaving(false);
    }
  };
  const problems = problemsOf(saveError);
  return (
    <>
      <PageHeader
        title={tenant.name}
        subtitle={`${tenant.provider_name} · criado em ${when(tenant.created_at)}`}
        actions={
          <>
            <a class="btn" href={link(`/keys?tenant=${tenant.id}`)}>
              Chaves de API
            </a>
            <a class="btn" href={link(`/calls?tenant=${tenant.id}`)}>
              Chamadas
            </a>
            <button type="button" class="btn btn-primary" onClick={() => void verify()} disabled={checking}>
              {checking ? 'Verificando…' : 'Verificar'}
            </button>
          </>
        }
      />
      {props.created && (
        <div class="alert alert-ok">
          Tenant criado. Clique em <b>Verificar</b> para testar as credenciais e escolher os ids no ERP;
          depois crie uma <a href={link(`/keys?tenant=${tenant.id}&new=1`)}>chave de API</a>.
        </div>
      )}
      <ErrorBox error={checkError} />
      {check && <CheckResult check={check} pageName={pageName} />}
      <form class="card form" onSubmit={(e) => void save(e)}>
        <section class="form-section">
          <h2>Configuração do {provider?.display_name ?? tenant.provider}</h2>
          {check && Object.keys(check.choices).length > 0 && (
            <p class="help">Os campos com lista mostram o que a verificação encontrou no ERP.</p>
          )}
          {provider ? (
            <SchemaForm
              schema={provider.settings_schema}
              value={settings}
              onChange={setSettings}
              context={{
                secretFields: provider.secret_fields,
                secretsSet,
                choices: check?.choices ?? {},
                problems,
                prefix: 'settings',
              }}
            />
          ) : (
            <p class="muted">
              Este servidor não descreve o ERP “{tenant.provider}”: a configuração não pode ser editada aqui.
            </p>
          )}
        </section>
        <details class="form-section">
          <summary>Opções avançadas (prazos, cache, circuito, limites)</summary>
          <SchemaForm
            schema={props.optionsSchema}
            value={options}
            onChange={setOptions}
            context={{ secretFields: [], secretsSet: [], choices: {}, problems, prefix: 'options' }}
          />
        </details>
        <ErrorBox error={saveError} />
        {saved && <div class="alert alert-ok">Alterações salvas.</div>}
        <div class="form-actions">
          <button type="submit" class="btn btn-primary" disabled={saving || !provider}>
            {saving ? 'Salvando…' : 'Salvar alterações'}
          </button>
        </div>
      </form>
    </>
  );
}

function CheckResult(props: { check: CheckAnswer; pageName: Map<string, string> }) {
  const { check } = props;
  const ready = check.functions.filter((f) => f.ready);
  return (
    <section class={`card check-card ${check.ok ? 'check-ok' : 'check-bad'}`} data-testid="check-result">
      <h2>
        {check.ok ? 'Verificação concluída' : 'A verificação encontrou problemas'}{' '}
        <Badge tone={check.ok ? 'ok' : 'bad'}>{check.ok ? 'ok' : 'atenção'}</Badge>
      </h2>
      <ul class="messages">
        {check.messages.map((m, i) => (
          <li key={i}>{m}</li>
        ))}
      </ul>
      <h3>
        Funções prontas: {ready.length} de {check.functions.length}
      </h3>
      <div class="fn-grid">
        {check.functions.map((f) => (
          <div key={f.name} class={`fn ${f.ready ? 'fn-ready' : 'fn-waiting'}`} data-function={f.name}>
            <span class="fn-mark">{f.ready ? '✓' : '•'}</span>
            <span>
              <span class="fn-name">{props.pageName.get(f.name) ?? f.name}</span>
              <code class="small">{f.name}</code>
              {!f.ready && f.missing.length > 0 && (
                <span class="small muted"> falta: {f.missing.join(', ')}</span>
              )}
            </span>
          </div>
        ))}
      </div>
    </section>
  );
}
