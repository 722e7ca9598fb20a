// The console's front end: finds out whether the operator is logged in, then draws the layout
// (side navigation, the page) and routes on the address's hash (#/tenants, #/calls?status=error...).
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, setCsrf, whenLoggedOut } from './api';
import { CallPage, Calls } from './pages/calls';
import { HealthPage } from './pages/health';
import { Keys } from './pages/keys';
import { Disabled, Login } from './pages/login';
import { SettlementPage, Settlements } from './pages/settlements';
import { NewTenant, TenantList, TenantPage } from './pages/tenants';
import type { SessionInfo } from './types';
import { ErrorBox, Loading, link } from './ui';
import './style.css';

interface Route {
  path: string[];
  params: URLSearchParams;
}

function currentRoute(): Route {
  const raw = window.location.hash.replace(/^#/, '') || '/tenants';
  const [path = '', search = ''] = raw.split('?', 2);
  return {
    path: path.split('/').filter(Boolean).map(decodeURIComponent),
    params: new URLSearchParams(search),
  };
}

function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const on = () => setRoute(currentRoute());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

const NAV = [
  { path: 'tenants', label: 'Tenants', icon: '▦' },
  { path: 'keys', label: 'Chaves de API', icon: '◈' },
  { path: 'calls', label: 'Chamadas', icon: '≡' },
  { path: 'settlements', label: 'Baixas', icon: '$' },
  { path: 'health', label: 'Saúde dos ERPs', icon: '♥' },
];

function Page(props: { route: Route }) {
  const [section, a, b] = props.route.path;
  const p = props.route.params;
  const get = (k: string) => p.get(k) ?? '';
  switch (section) {
    case 'tenants':
      if (a === 'new') return <NewTenant />;
      if (a) return <TenantPage id={a} created={p.has('created')} />;
      return <TenantList />;
    case 'keys':
      return <Keys tenant={get('tenant')} openNew={p.has('new')} />;
    case 'calls':
      if (a) return <CallPage id={a} />;
      return (
        <Calls
          filters={{
            tenant: get('tenant'),
            function: get('function'),
            status: get('status'),
            period: get('period'),
            since: get('since'),
            until: get('until'),
            request_id: get('request_id'),
          }}
        />
      );
    case 'settlements':
      if (a && b) return <SettlementPage tenant={a} tx={b} />;
      return <Settlements view={get('view') || 'waiting'} tenant={get('tenant')} />;
    case 'health':
      return <HealthPage />;
    default:
      return (
        <div class="empty">
          <h3>Página não encontrada</h3>
          <p>
            <a href={link('/tenants')}>Ir para os tenants</a>
          </p>
        </div>
      );
  }
}

function App() {
  const [session, setSession] = useState<SessionInfo | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [expired, setExpired] = useState(false);
  const route = useRoute();
  const load = () => {
    setError(undefined);
    api<SessionInfo>('GET', '/session').then((s) => {
      if (s.csrf) setCsrf(s.csrf);
      setSession(s);
    }, setError);
  };
  useEffect(() => {
    whenLoggedOut(() => {
      setExpired(true);
      setSession((s) => (s ? { ...s, authenticated: false } : s));
    });
    load();
  }, []);
  if (error) return <ErrorBox error={error} onRetry={load} />;
  if (!session) return <Loading />;
  if (!session.enabled) return <Disabled />;
  if (!session.authenticated) {
    return (
      <Login
        expired={expired}
        onLoggedIn={(s) => {
          if (s.csrf) setCsrf(s.csrf);
          setExpired(false);
          setSession(s);
        }}
      />
    );
  }
  const logout = async () => {
    await api('POST', '/logout').catch(() => undefined);
    setCsrf('');
    setExpired(false);
    setSession({ enabled: true, authenticated: false });
  };
  const section = route.path[0] ?? 'tenants';
  return (
    <div class="layout">
      <aside class="sidebar">
        <div class="sidebar-inner">
          <div class="brand">
            <span class="brand-mark">⟷</span> Ponte
          </div>
          <nav>
            {NAV.map((n) => (
              <a key={n.path} href={link(`/${n.path}`)} class={section === n.path ? 'active' : ''}>
                <span class="nav-icon" aria-hidden="true">
                  {n.icon}
                </span>
                {n.label}
              </a>
            ))}
          </nav>
          <div class="sidebar-footer">
            <button type="button" class="btn btn-ghost btn-block" onClick={() => void logout()}>
              Sair
            </button>
          </div>
        </div>
      </aside>
      <main class="content">
        <Page route={route} />
      </main>
    </div>
  );
}

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<App />, root);
}
