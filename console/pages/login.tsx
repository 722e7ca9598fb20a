// The login page (the admin token, posted in the body: never in a URL), and the page shown when
// the console is disabled because PONTE_ADMIN_TOKEN is not set.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import type { SessionInfo } from '../types';
import { ErrorBox } from '../ui';

export function Login(props: { onLoggedIn: (s: SessionInfo) => void; expired: boolean }) {
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      props.onLoggedIn(await api<SessionInfo>('POST', '/login', { token }));
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 401
          ? new ApiError(401, 'UNAUTHENTICATED', 'Token incorreto. Confira o valor de PONTE_ADMIN_TOKEN.')
          : err,
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="login-wrap">
      <form class="login card" onSubmit={(e) => void submit(e)}>
        <div class="brand brand-large">
          <span class="brand-mark">⟷</span> Ponte
        </div>
        <h1>Console do operador</h1>
        {props.expired && <div class="alert alert-warn">Sua sessão expirou. Entre de novo.</div>}
        <label for="token" class="field-label">
          Token de administração
        </label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="current-password"
          autoFocus
          required
          value={token}
          onInput={(e) => setToken(e.currentTarget.value)}
        />
        <p class="help">O valor de PONTE_ADMIN_TOKEN configurado neste servidor.</p>
        <ErrorBox error={error} />
        <button type="submit" class="btn btn-primary btn-block" disabled={busy || token === ''}>
          {busy ? 'Entrando…' : 'Entrar'}
        </button>
      </form>
    </div>
  );
}

export function Disabled() {
  return (
    <div class="login-wrap">
      <div class="login card">
        <div class="brand brand-large">
          <span class="brand-mark">⟷</span> Ponte
        </div>
        <h1>Console desativado</h1>
        <p>
          O console usa o token de administração do Ponte, e este servidor não tem um. Para ativar, defina a
          variável <code>PONTE_ADMIN_TOKEN</code> com um segredo longo e reinicie o Ponte:
        </p>
        <pre class="code">PONTE_ADMIN_TOKEN=$(openssl rand -hex 32) npm start</pre>
        <p class="help">
          Guarde o token num cofre de senhas: ele dá acesso ao console e à API de administração (/admin/v1).
        </p>
      </div>
    </div>
  );
}
