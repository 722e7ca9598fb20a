// The admin API under /admin/v1: tenants and keys, behind PONTE_ADMIN_TOKEN (a separate secret
// from the API keys). Disabled when no admin token is configured.
import type { FastifyInstance } from 'fastify';
import { PonteError } from '../contract/index.js';
import { Admin, type KeyRequest } from '../gateway/admin.js';
import type { Gateway } from '../gateway/gateway.js';
import type { TenantInput } from '../gateway/tenant-service.js';
import type { Store } from '../store/index.js';
import { bearer, sameSecret, sendError } from './replies.js';

type Body = Record<string, unknown> | undefined;

function objectBody(body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new PonteError('INVALID_INPUT', 'the request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

export function registerAdminRoutes(
  app: FastifyInstance,
  deps: { gateway: Gateway; store: Store; adminToken?: string | undefined },
): void {
  const admin = new Admin(deps.gateway, deps.store);

  void app.register(
    (scope, _opts, done) => {
      scope.addHook('onRequest', (req, reply, next) => {
        if (!deps.adminToken) {
          sendError(
            reply,
            new PonteError('FORBIDDEN', 'the admin API is disabled: set PONTE_ADMIN_TOKEN to enable it'),
          );
          return;
        }
        const given = bearer(req);
        if (given === undefined || !sameSecret(given, deps.adminToken)) {
          sendError(reply, new PonteError('UNAUTHENTICATED', 'missing or wrong admin token'));
          return;
        }
        next();
      });

      scope.get('/tenants', () => admin.listTenants());
      scope.post<{ Body: Body }>('/tenants', async (req, reply) => {
        const body = objectBody(req.body);
        const created = await admin.createTenant({
          name: body.name as TenantInput['name'],
          provider: body.provider as TenantInput['provider'],
          settings: body.settings as TenantInput['settings'],
          options: body.options as TenantInput['options'],
          key: (body.key as KeyRequest | undefined) ?? { label: 'default' },
        });
        return reply.code(201).send(created);
      });
      scope.get<{ Params: { id: string } }>('/tenants/:id', (req) => admin.showTenant(req.params.id));
      scope.patch<{ Params: { id: string }; Body: Body }>('/tenants/:id', (req) => {
        const body = objectBody(req.body);
        return admin.updateTenant(req.params.id, {
          settings: body.settings as Record<string, unknown> | undefined,
          options: body.options as Record<string, unknown> | undefined,
        });
      });
      scope.get<{ Params: { id: string } }>('/tenants/:id/keys', (req) => admin.listKeys(req.params.id));
      scope.post<{ Params: { id: string }; Body: Body }>('/tenants/:id/keys', async (req, reply) =>
        reply.code(201).send(await admin.createKey(req.params.id, objectBody(req.body))),
      );
      scope.delete<{ Params: { id: string } }>('/keys/:id', (req) => admin.revokeKey(req.params.id));
      scope.get<{ Querystring: { tenant?: string; state?: string; limit?: string } }>(
        '/settlements',
        async (req) => {
          const tenant = req.query.tenant ? await deps.gateway.tenants.require(req.query.tenant) : undefined;
          const limit = Math.min(1000, Math.max(1, Number(req.query.limit ?? 100) || 100));
          const rows = await deps.store.settlements.list({
            ...(tenant ? { tenantId: tenant.id } : {}),
            ...(req.query.state ? { state: req.query.state } : {}),
            limit,
          });
          return rows.map(({ input: _input, fingerprint: _fp, ...row }) => row);
        },
      );
      scope.get<{ Params: { tenant: string; tx: string } }>(
        '/settlements/:tenant/:tx',
        async (req, reply) => {
          const tenant = await deps.gateway.tenants.require(req.params.tenant);
          const view = await deps.gateway.settlements.show(tenant.id, req.params.tx);
          if (!view)
            return sendError(reply, new PonteError('INVALID_INPUT', `no settlement '${req.params.tx}'`));
          const { input: _input, fingerprint: _fp, ...rest } = view;
          return rest;
        },
      );
      scope.post<{ Params: { tenant: string; tx: string } }>(
        '/settlements/:tenant/:tx/retry',
        async (req) => {
          const tenant = await deps.gateway.tenants.require(req.params.tenant);
          const {
            input: _input,
            fingerprint: _fp,
            ...row
          } = await deps.gateway.settlements.retry(tenant.id, req.params.tx);
          return row;
        },
      );
      // Webhooks (docs/webhooks.md): a secret is in the answer of add and rotate only.
      const webhooks = deps.gateway.webhooks;
      const deliveryId = (raw: string) => {
        const id = Number(raw);
        if (!Number.isSafeInteger(id) || id < 1)
          throw new PonteError('INVALID_INPUT', `no webhook delivery '${raw}'`);
        return id;
      };
      const limitOf = (raw: string | undefined) => Math.min(1000, Math.max(1, Number(raw ?? 100) || 100));
      scope.get<{ Params: { id: string } }>('/tenants/:id/webhooks', async (req) =>
        webhooks.list((await deps.gateway.tenants.require(req.params.id)).id),
      );
      scope.post<{ Params: { id: string }; Body: Body }>('/tenants/:id/webhooks', async (req, reply) => {
        const tenant = await deps.gateway.tenants.require(req.params.id);
        const body = objectBody(req.body);
        return reply.code(201).send(await webhooks.add(tenant.id, { url: body.url, events: body.events }));
      });
      scope.get<{ Params: { id: string } }>('/webhooks/:id', (req) => webhooks.get(req.params.id));
      scope.delete<{ Params: { id: string } }>('/webhooks/:id', (req) => webhooks.remove(req.params.id));
      scope.post<{ Params: { id: string } }>('/webhooks/:id/rotate', (req) => webhooks.rotate(req.params.id));
      scope.post<{ Params: { id: string } }>('/webhooks/:id/test', async (req, reply) =>
        reply.code(202).send(await webhooks.test(req.params.id)),
      );
      scope.get<{ Params: { id: string }; Querystring: { state?: string; limit?: string } }>(
        '/webhooks/:id/deliveries',
        async (req) => {
          await webhooks.get(req.params.id);
          return webhooks.deliveries({
            endpointId: req.params.id,
            ...(req.query.state ? { state: req.query.state } : {}),
            limit: limitOf(req.query.limit),
          });
        },
      );
      scope.get<{ Params: { id: string } }>('/webhook-deliveries/:id', (req) =>
        webhooks.showDelivery(deliveryId(req.params.id)),
      );
      scope.post<{ Params: { id: string } }>('/webhook-deliveries/:id/redeliver', (req) =>
        webhooks.redeliver(deliveryId(req.params.id)),
      );
      scope.get<{ Querystring: { tenant?: string; limit?: string } }>('/audit', async (req) => {
        const tenant = req.query.tenant ? await deps.gateway.tenants.require(req.query.tenant) : undefined;
        const limit = Math.min(1000, Math.max(1, Number(req.query.limit ?? 100) || 100));
        return deps.store.audit.list({ tenantId: tenant?.id, limit });
      });
      done();
    },
    { prefix: '/admin/v1' },
  );
}
