// The simulated MK's mutable state: the webservice profile (profile token, contra-senha, token
// lifetime, single-use flag, authorized services), the session tokens it issued and their expiry
// on an injectable clock, atendimentos opened, and request counters.
import { randomBytes } from 'node:crypto';
import type { MkData } from './seed.js';

export interface MkProfile {
  /** The profile token shown in Integradores → Gerenciador de Webservices. */
  token: string;
  /** The profile's contra-senha (at least 8 characters). */
  contraSenha: string;
  /** "Tempo de Expiração" of session tokens, in minutes. */
  ttlMinutes: number;
  /** "Invalidar": a session token serves one request only. */
  singleUse: boolean;
  /** cd_servico codes authorized for the profile; 9999 = all. */
  services: number[];
  /** The ISP bought the paid "APIs especiais" (WSMKNovaLead, WSMKNovaPessoa, WSMKNovoContrato). */
  apisEspeciais: boolean;
}

export const defaultMkProfile: MkProfile = {
  token: 'b7c1f0e24a9d4e1f8c3a5d6e7f809a1b',
  contraSenha: 'ponte-mk-2026',
  ttlMinutes: 60,
  singleUse: false,
  services: [9999],
  apisEspeciais: true,
};

export interface SessionToken {
  value: string;
  /** MK's CodToken. */
  cod: number;
  expiresAt: number;
  invalid: boolean;
  used: boolean;
}

export interface MkTicket {
  CodigoAtendimento: number;
  Protocolo: string;
  CodigoCliente: number;
  cd_processo: number;
  cd_classificacao_ate: number;
  origem_contato: string;
  /** As MK stores it: accents as HTML entities, cut at 300 characters. */
  info: string;
  cd_contrato: number | null;
  op_abertura: string | null;
}

/** Brasília wall-clock time (UTC−03:00, no daylight saving since 2019) as dd/mm/yyyy HH:MM:SS. */
export function brasiliaStamp(epochMs: number): string {
  const iso = new Date(epochMs - 3 * 3_600_000).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 19)}`;
}

export class MkState {
  readonly tokens = new Map<string, SessionToken>();
  readonly tickets: MkTicket[] = [];
  readonly counters = {
    requests: new Map<string, number>(),
    authentications: 0,
    writes: [] as { service: string; params: Record<string, string> }[],
  };
  private nextCod = 585_100;
  private nextTicket = 14_700;
  private nextProtocol = 22_500;
  private nextLead = 700;
  readonly leads: { CodigoLead: number; cd_cliente: number; info: string }[] = [];

  openLead(cd_cliente: number, info: string): number {
    const CodigoLead = ++this.nextLead;
    this.leads.push({ CodigoLead, cd_cliente, info });
    return CodigoLead;
  }

  constructor(
    readonly data: MkData,
    readonly profile: MkProfile,
    /** The simulator's clock (tests move it instead of waiting). */
    readonly now: () => number,
  ) {}

  count(service: string): void {
    this.counters.requests.set(service, (this.counters.requests.get(service) ?? 0) + 1);
  }

  totalRequests(): number {
    return [...this.counters.requests.values()].reduce((a, b) => a + b, 0);
  }

  issueToken(): SessionToken {
    this.counters.authentications++;
    const token: SessionToken = {
      value: randomBytes(16).toString('hex'),
      cod: ++this.nextCod,
      expiresAt: this.now() + this.profile.ttlMinutes * 60_000,
      invalid: false,
      used: false,
    };
    this.tokens.set(token.value, token);
    return token;
  }

  /** What an administrator or a profile change does: every session token answers 001. */
  invalidateAllTokens(): void {
    for (const t of this.tokens.values()) t.invalid = true;
  }

  /** Every session token answers 999 "Token expirado.". */
  expireAllTokens(): void {
    for (const t of this.tokens.values()) t.expiresAt = Math.min(t.expiresAt, this.now() - 1);
  }

  openTicket(ticket: Omit<MkTicket, 'CodigoAtendimento' | 'Protocolo'>): MkTicket {
    const today = brasiliaStamp(this.now());
    const full: MkTicket = {
      ...ticket,
      CodigoAtendimento: ++this.nextTicket,
      // YYMM, a dot, a sequence: "2606.22596" (clients.md §5.1).
      Protocolo: `${today.slice(8, 10)}${today.slice(3, 5)}.${++this.nextProtocol}`,
    };
    this.tickets.push(full);
    return full;
  }
}
