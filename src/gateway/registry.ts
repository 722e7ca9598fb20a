// Provider id -> provider. The only place that knows which providers exist; everything else asks it.
import type { AnyProvider } from '../providers/types.js';

export class ProviderRegistry {
  private readonly providers = new Map<string, AnyProvider>();

  constructor(providers: AnyProvider[] = []) {
    for (const p of providers) this.add(p);
  }

  add(provider: AnyProvider): this {
    if (this.providers.has(provider.id)) throw new Error(`provider ${provider.id} registered twice`);
    this.providers.set(provider.id, provider);
    return this;
  }

  get(id: string): AnyProvider | undefined {
    return this.providers.get(id);
  }

  ids(): string[] {
    return [...this.providers.keys()];
  }
}
