// Small pieces every page uses: badges, the page header, empty states, error boxes, the copy
// button, and how dates, latencies and rates are written.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from './api';
import { errorLabels, type Tone } from './labels';

export function Badge(props: { tone: Tone; children: ComponentChildren; title?: string }) {
  return (
    <span class={`badge badge-${props.tone}`} title={props.title}>
      {props.children}
    </span>
  );
}

export function PageHeader(props: { title: string; subtitle?: string; actions?: ComponentChildren }) {
  return (
    <header class="page-header">
      <div>
        <h1>{props.title}</h1>
        {props.subtitle && <p class="subtitle">{props.subtitle}</p>}
      </div>
      {props.actions && <div class="actions">{props.actions}</div>}
    </header>
  );
}

export function Empty(props: { title: string; children?: ComponentChildren }) {
  return (
    <div class="empty" data-testid="empty">
      <div class="empty-icon" aria-hidden="true">
        ○
      </div>
      <h3>{props.title}</h3>
      {props.children && <p>{props.children}</p>}
    </div>
  );
}

export function Loading() {
  return <div class="loading">Carregando…</div>;
}

export function ErrorBox(props: { error: unknown; onRetry?: () => void }) {
  if (props.error === undefined || props.error === null) return null;
  const e = props.error;
  const code = e instanceof ApiError ? e.code : 'INTERNAL';
  const title = errorLabels[code] ?? 'Algo deu errado';
  const message = e instanceof Error ? e.message : typeof e === 'string' ? e : 'Erro inesperado.';
  const details = e instanceof ApiError ? e.details : [];
  return (
    <div class="alert alert-bad" role="alert">
      <strong>{title}</strong>
      <span class="alert-message">{message}</span>
      {details.length > 0 && (
        <ul>
          {details.map((d) => (
            <li key={d.path}>
              <code>{d.path}</code>: {d.message}
            </li>
          ))}
        </ul>
      )}
      {props.onRetry && (
        <button type="button" class="btn btn-small" onClick={props.onRetry}>
          Tentar de novo
        </button>
      )}
    </div>
  );
}

export function CopyButton(props: { text: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.text);
    } catch {
      // Without clipboard permission (plain HTTP, old browser): select the text for Ctrl+C.
      const el = document.querySelector<HTMLElement>('[data-copy-source]');
      if (el) window.getSelection()?.selectAllChildren(el);
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <button type="button" class="btn" onClick={() => void copy()}>
      {copied ? 'Copiado!' : (props.label ?? 'Copiar')}
    </button>
  );
}

/** Loads once and on `reload()`; `deps` reload it too. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setError(undefined);
    load().then(
      (d) => live && setData(d),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
    // The caller's deps, and the reload counter.
  }, [tick, ...deps]);
  return { data, error, reload: () => setTick((t) => t + 1), setData };
}

const dateTime = new Intl.DateTimeFormat('pt-BR', { dateStyle: 'short', timeStyle: 'medium' });

export function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

export function ago(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '—';
  const s = Math.round((now - Date.parse(iso)) / 1000);
  const future = s < 0;
  const a = Math.abs(s);
  const text =
    a < 60
      ? `${a} s`
      : a < 3600
        ? `${Math.round(a / 60)} min`
        : a < 86400
          ? `${Math.round(a / 3600)} h`
          : `${Math.round(a / 86400)} d`;
  return future ? `em ${text}` : `há ${text}`;
}

export function ms(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return value >= 1000 ? `${(value / 1000).toFixed(1).replace('.', ',')} s` : `${value} ms`;
}

export function percent(rate: number): string {
  return `${(rate * 100).toFixed(rate > 0 && rate < 0.1 ? 1 : 0).replace('.', ',')}%`;
}

export function link(path: string): string {
  return `#${path}`;
}

export function go(path: string): void {
  window.location.hash = path;
}
