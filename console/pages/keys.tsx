// API keys: create one for a tenant (optionally limited to some functions; the key is shown once,
// with a copy button), list them, revoke one.
import { useState } from 'preact/hooks';
import { api } from '../api';
import type { FunctionInfo, KeyInfo, TenantRow } from '../types';
import { Badge, CopyButton, Empty, ErrorBox, Loading, PageHeader, go, useLoad, when } from '../ui';

const GROUPS: Record<string, string> = {
  sales: 'Vendas',
  billing: 'Cobrança',
  customer: 'Cliente',
  service: 'Serviço e atendimento',
};

export function Keys(props: { tenant: string; openNew: boolean }) {
  const tenants = useLoad(() => api<TenantRow[]>('GET', '/tenants'));
  const functions = useLoad(() => api<FunctionInfo[]>('GET', '/functions'));
  const keys = useLoad(
    () => api<KeyInfo[]>('GET', `/keys${props.tenant ? `?tenant=${props.tenant}` : ''}`),
    [props.tenant],
  );
  const [creating, setCreating] = useState(props.openNew);
  const [shown, setShown] = useState<{ key: string; info: KeyInfo } | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);

  const revoke = async (k: KeyInfo) => {
    if (
      !window.confirm(
        `Revogar a chave ${k.prefix}… (${k.label || 'sem rótulo'})? As chamadas com ela passam a ser recusadas.`,
      )
    )
      return;
    setError(undefined);
    try {
      await api('POST', `/keys/${k.id}/revoke`);
      keys.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <PageHeader
        title="Chaves de API"
        subtitle="As plataformas chamam o Ponte com estas chaves. Cada chave pertence a um tenant."
        actions={
          <button type="button" class="btn btn-primary" onClick={() => setCreating(true)} disabled={creating}>
            + Nova chave
          </button>
        }
      />
      {shown && <NewKeyShown shown={shown} onClose={() => setShown(undefined)} />}
      {creating && tenants.data && functions.data && (
        <NewKeyForm
          tenants={tenants.data}
          functions={functions.data}
          tenant={props.tenant}
          onCancel={() => setCreating(false)}
          onCreated={(s) => {
            setShown(s);
            setCreating(false);
            keys.reload();
          }}
        />
      )}
      <div class="toolbar">
        <label class="inline">
          Tenant{' '}
          <select
            value={props.tenant}
            onChange={(e) => go(`/keys${e.currentTarget.value ? `?tenant=${e.currentTarget.value}` : ''}`)}
          >
            <option value="">todos</option>
            {(tenants.data ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorBox error={error ?? keys.error ?? tenants.error} onRetry={keys.reload} />
      {!keys.data && !keys.error && <Loading />}
      {keys.data && keys.data.length === 0 && (
        <Empty title="Nenhuma chave">
          {tenants.data?.length === 0
            ? 'Crie um tenant primeiro; depois, a chave dele.'
            : 'Crie uma chave para a plataforma chamar o Ponte.'}
        </Empty>
      )}
      {keys.data && keys.data.length > 0 && (
        <div class="card table-card">
          <table>
            <thead>
              <tr>
                <th>Chave</th>
                <th>Rótulo</th>
                <th>Tenant</th>
                <th>Funções</th>
                <th>Criada em</th>
                <th>Situação</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {keys.data.map((k) => (
                <tr key={k.id} class={k.revoked_at ? 'dim' : ''} data-key={k.id}>
                  <td class="mono">{k.prefix}…</td>
                  <td>{k.label || <span class="muted">sem rótulo</span>}</td>
                  <td>{k.tenant_name}</td>
                  <td>
                    {k.allowed_functions === null ? (
                      <span class="muted">todas</span>
                    ) : (
                      <span class="chips">
                        {k.allowed_functions.map((f) => (
                          <code key={f} class="chip">
                            {f}
                          </code>
                        ))}
                      </span>
                    )}
                  </td>
                  <td>{when(k.created_at)}</td>
                  <td>
                    {k.revoked_at ? (
                      <Badge tone="muted" title={when(k.revoked_at)}>
                        revogada
                      </Badge>
                    ) : (
                      <Badge tone="ok">ativa</Badge>
                    )}
                  </td>
                  <td class="right">
                    {!k.revoked_at && (
                      <button type="button" class="btn btn-small btn-danger" onClick={() => void revoke(k)}>
                        Revogar
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

function NewKeyForm(props: {
  tenants: TenantRow[];
  functions: FunctionInfo[];
  tenant: string;
  onCancel: () => void;
  onCreated: (shown: { key: string; info: KeyInfo }) => void;
}) {
  const [tenant, setTenant] = useState(props.tenant || props.tenants[0]?.id || '');
  const [label, setLabel] = useState('');
  const [limited, setLimited] = useState(false);
  const [allowed, setAllowed] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const supported = new Set(props.tenants.find((t) => t.id === tenant)?.supported_functions ?? []);
  const groups = [...new Set(props.functions.map((f) => f.group))];
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const created = await api<{ api_key: string; key: KeyInfo }>('POST', `/tenants/${tenant}/keys`, {
        label,
        allowed_functions: limited ? allowed : null,
      });
      const name = props.tenants.find((t) => t.id === tenant)?.name ?? tenant;
      props.onCreated({ key: created.api_key, info: { ...created.key, tenant_name: name } });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  if (props.tenants.length === 0) {
    return (
      <div class="card">
        <Empty title="Nenhum tenant">Uma chave pertence a um tenant: crie um tenant primeiro.</Empty>
      </div>
    );
  }
  return (
    <form class="card form" onSubmit={(e) => void submit(e)} data-testid="new-key">
      <h2>Nova chave</h2>
      <div class="form-grid">
        <div class="field">
          <label class="field-label" for="key-tenant">
            Tenant
          </label>
          <select id="key-tenant" value={tenant} onChange={(e) => setTenant(e.currentTarget.value)}>
            {props.tenants.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} ({t.provider_name})
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label class="field-label" for="key-label">
            Rótulo
          </label>
          <input
            id="key-label"
            placeholder="ex.: plataforma de atendimento"
            maxLength={80}
            value={label}
            onInput={(e) => setLabel(e.currentTarget.value)}
          />
        </div>
      </div>
      <label class="check">
        <input type="checkbox" checked={limited} onChange={(e) => setLimited(e.currentTarget.checked)} />{' '}
        Limitar a algumas funções
      </label>
      {limited && (
        <div class="fn-pick">
          {groups.map((g) => (
            <fieldset key={g}>
              <legend>{GROUPS[g] ?? g}</legend>
              {props.functions
                .filter((f) => f.group === g)
                .map((f) => (
                  <label
                    key={f.name}
                    class={`check${supported.has(f.name) ? '' : ' muted'}`}
                    title={supported.has(f.name) ? '' : 'não suportada por este ERP'}
                  >
                    <input
                      type="checkbox"
                      name="allowed"
                      value={f.name}
                      checked={allowed.includes(f.name)}
                      onChange={(e) =>
                        setAllowed(
                          e.currentTarget.checked
                            ? [...allowed, f.name]
                            : allowed.filter((n) => n !== f.name),
                        )
                      }
                    />{' '}
                    {f.page_name} <code class="small">{f.name}</code>
                  </label>
                ))}
            </fieldset>
          ))}
        </div>
      )}
      <ErrorBox error={error} />
      <div class="form-actions">
        <button type="button" class="btn btn-ghost" onClick={props.onCancel}>
          Cancelar
        </button>
        <button
          type="submit"
          class="btn btn-primary"
          disabled={busy || tenant === '' || (limited && allowed.length === 0)}
        >
          {busy ? 'Criando…' : 'Criar chave'}
        </button>
      </div>
    </form>
  );
}

function NewKeyShown(props: { shown: { key: string; info: KeyInfo }; onClose: () => void }) {
  return (
    <div class="card key-shown" data-testid="key-shown">
      <h2>Chave criada para {props.shown.info.tenant_name}</h2>
      <div class="alert alert-warn">
        Copie a chave agora e guarde-a num lugar seguro: <b>ela não será mostrada de novo</b>.
      </div>
      <div class="key-box">
        <code data-copy-source data-testid="api-key">
          {props.shown.key}
        </code>
        <CopyButton text={props.shown.key} />
      </div>
      <p class="help">
        A plataforma envia a chave no cabeçalho <code>Authorization: Bearer &lt;chave&gt;</code>.
      </p>
      <div class="form-actions">
        <button type="button" class="btn" onClick={props.onClose}>
          Já copiei
        </button>
      </div>
    </div>
  );
}
