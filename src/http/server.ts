// The HTTP surface. Routes are thin: they read the request, call the gateway, and write the answer.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import type { Logger } from 'pino';
import { PonteError, functionNames, functions, jsonSchemaOf } from '../contract/index.js';
import type { Gateway } from '../gateway/gateway.js';
import type { Store } from '../store/index.js';
import { registerAdminRoutes } from './admin-routes.js';
import { renderDocsPage } from './docs-page.js';
import { buildOpenApi } from './openapi.js';

export interface ServerOptions {
  gateway: Gateway;
  store: Store;
  log: Logger;
  adminToken?: string | undefined;
  bodyLimitBytes?: number;
  version?: string;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

export function bearer(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  return m?.[1];
}

export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function sendError(reply: FastifyReply, error: PonteError): FastifyReply {
  if (error.retryAfterSeconds !== undefined)
    void reply.header('retry-after', String(error.retryAfterSeconds));
  return reply.code(error.status).send(error.toBody(String(reply.request.id)));
}

/**
 * Calls `onGone` when the connection closes before the answer was sent (at once if it already
 * has); returns what stops watching. The response's 'close', not the request's: on Node 20 the
 * request emits 'close' as soon as its body has been read.
 */
function watchClient(res: ServerResponse, onGone: () => void): () => void {
  const listener = () => {
    if (!res.writableFinished) onGone();
  };
  if (res.closed) {
    listener();
    return () => undefined;
  }
  res.once('close', listener);
  return () => res.off('close', listener);
}

export function buildServer(options: ServerOptions): FastifyInstance {
  const bodyLimit = options.bodyLimitBytes ?? 1024 * 1024;
  const loggerInstance: FastifyBaseLogger = options.log;
  const app = Fastify({
    loggerInstance,
    // One line per request comes from our onResponse hook instead of fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    // Every line we log about a request names its request_id itself: no child logger per request.
    childLoggerFactory: (logger) => logger,
    bodyLimit,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    return503OnClosing: true,
  });
  const { gateway, store } = options;

  // Every body is read as JSON whatever its content type (platforms are not always careful with
  // it), so a malformed body gets INVALID_INPUT rather than a media-type error.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => {
    const text = body as string;
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new PonteError('INVALID_INPUT', 'the request body is not valid JSON'), undefined);
    }
  });

  // Answers sent while closing end their keep-alive connection: otherwise close() waits for the
  // client to drop it, up to the keep-alive timeout (72 s), after the calls in flight are done.
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onSend', (req, reply, payload, done) => {
    void reply.header('x-request-id', String(req.id));
    if (closing) void reply.header('connection', 'close');
    done(null, payload);
  });
  app.addHook('onResponse', (req, reply, done) => {
    req.log.info(
      {
        request_id: req.id,
        method: req.method,
        url: req.url,
        status: reply.statusCode,
        ms: reply.elapsedTime,
      },
      'request',
    );
    done();
  });

  app.setErrorHandler((error: Error & { code?: string; statusCode?: number }, req, reply) => {
    if (error instanceof PonteError) return sendError(reply, error);
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendError(
        reply,
        new PonteError('INVALID_INPUT', `the request body is larger than ${bodyLimit} bytes`),
      );
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, new PonteError('INVALID_INPUT', error.message));
    }
    req.log.error({ err: error, request_id: req.id }, 'unhandled error');
    return sendError(
      reply,
      new PonteError('INTERNAL', 'internal error; the request id identifies it in the logs'),
    );
  });
  app.setNotFoundHandler((req, reply) =>
    sendError(
      reply,
      new PonteError('UNKNOWN_FUNCTION', `no such endpoint: ${req.method} ${req.url.split('?')[0]}`),
    ),
  );

  app.post<{ Params: { name: string } }>('/v1/functions/:name', async (req, reply) => {
    const result = await gateway.call({
      functionName: req.params.name,
      body: req.body,
      requestId: String(req.id),
      apiKey: bearer(req),
      watchClient: (onGone) => watchClient(reply.raw, onGone),
    });
    return reply.code(result.status).headers(result.headers).send(result.body);
  });

  app.get('/v1/functions', async (req, reply) => {
    const key = bearer(req);
    let supported: Set<string> | null = null;
    let provider: string | null = null;
    if (key !== undefined) {
      const resolved = await store.keys.resolve(key);
      if (!resolved) return sendError(reply, new PonteError('UNAUTHENTICATED', 'unknown or revoked API key'));
      const tenant = await gateway.tenants.require(resolved.tenantId);
      supported = new Set(gateway.supported(tenant));
      provider = tenant.provider;
    }
    return {
      provider,
      functions: functionNames.map((name) => {
        const spec = functions[name];
        return {
          name,
          page_name: spec.pageName,
          group: spec.group,
          description: spec.description,
          kind: spec.kind,
          ...(supported ? { supported: supported.has(name) } : {}),
          input_schema: jsonSchemaOf(name, 'input'),
          output_schema: jsonSchemaOf(name, 'output'),
        };
      }),
    };
  });

  const openapi = JSON.stringify(buildOpenApi(options.version ?? '0.0.0'));
  app.get('/openapi.json', (_req, reply) => reply.type('application/json').send(openapi));
  app.get('/docs', (req, reply) => {
    const base = `${req.protocol}://${req.host}`;
    return reply.type('text/html; charset=utf-8').send(renderDocsPage(base));
  });
  app.get('/healthz', () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    try {
      await store.ping();
      // An open circuit is one ERP's trouble, not this process's: it is reported, and the process stays ready.
      return { status: 'ready', checks: { database: 'ok' }, erp_circuits: gateway.circuits() };
    } catch {
      return reply.code(503).send({ status: 'not ready', checks: { database: 'unreachable' } });
    }
  });
  app.get('/metrics', async (_req, reply) =>
    reply.type(gateway.metrics.registry.contentType).send(await gateway.metrics.registry.metrics()),
  );

  registerAdminRoutes(app, { gateway, store, adminToken: options.adminToken });
  return app;
}
