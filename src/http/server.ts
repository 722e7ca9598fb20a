// The HTTP surface. Routes are thin: they read the request, call the gateway, and write the answer.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import type { Logger } from 'pino';
import { PonteError, functionNames, functions, isFunctionName, jsonSchemaOf } from '../contract/index.js';
import type { Gateway } from '../gateway/gateway.js';
import { storeUnavailableError, type Store } from '../store/index.js';
import { registerConsole } from '../console/index.js';
import { registerAdminRoutes } from './admin-routes.js';
import { bearer, noteFacts, requestFacts, sendError } from './replies.js';
import { renderDocsPage } from './docs-page.js';
import { buildOpenApi } from './openapi.js';

export interface ServerOptions {
  gateway: Gateway;
  store: Store;
  log: Logger;
  adminToken?: string | undefined;
  bodyLimitBytes?: number;
  version?: string;
  /** Serve HTTPS with this certificate and key (PEM); the secure context can be swapped later. */
  tls?: { cert: Buffer; key: Buffer } | undefined;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The `X-Request-Id` given when it is valid, a new uuid otherwise. */
function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** How long a client is told to wait before retrying a call refused while this process shuts down. */
const CLOSING_RETRY_AFTER_SECONDS = 5;

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

/** The path of the first string (or key) in `value` that holds a NUL character, or undefined. */
function nulPath(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value === null || typeof value !== 'object' || depth > 64) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const at = path === '' ? key : `${path}.${key}`;
    if (key.includes('\u0000')) return at;
    const found = nulPath(child, at, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
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
    genReqId: requestIdOf,
    // Requests arriving while closing get SERVICE_UNAVAILABLE from the onRequest hook below, in the
    // contract's shape, rather than fastify's own 503 body.
    return503OnClosing: false,
    // A request without Host gets INVALID_INPUT from the onRequest hook below, rather than Node's
    // empty 400.
    http: { requireHostHeader: false },
    // With a certificate, an https.Server instead (fastify then ignores `http`). Spread as a plain
    // object: fastify's typings would pick their https overload, but the instance works the same.
    ...((options.tls ? { https: { ...options.tls, requireHostHeader: false } } : {}) as object),
    // Errors fastify raises before a route is found (a bad percent-escape, a path parameter over
    // 100 characters) and errors in the HTTP framing itself, in the contract's shape too.
    frameworkErrors: (error, req, reply) => frameworkError(error, req, reply),
    clientErrorHandler: (error, socket) => clientError(error, socket),
  });
  const { gateway, store } = options;
  const { log } = options;

  /** One line per request, by the onResponse hook and by the answers sent outside a route. */
  const logRequest = (req: FastifyRequest, reply: FastifyReply) =>
    req.log.info(
      {
        request_id: req.id,
        method: req.method,
        url: req.url.split('?', 1)[0],
        status: reply.statusCode,
        ms: reply.elapsedTime,
        ...requestFacts.get(req),
      },
      'request',
    );

  /** Answers to a request fastify refused before routing it: its hooks do not run for these. */
  function frameworkError(error: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
    void reply.header('x-request-id', String(req.id));
    if (closing) void reply.header('connection', 'close');
    reply.raw.once('finish', () => logRequest(req, reply));
    const path = req.url.split('?')[0] ?? '';
    if (
      error.code === 'FST_ERR_MAX_PARAM_LENGTH' &&
      req.method === 'POST' &&
      path.startsWith('/v1/functions/')
    ) {
      // No function has such a long name: the gateway answers it as any unknown name (after the key).
      void callFunction(req, reply, path.slice('/v1/functions/'.length), undefined).catch((e: unknown) => {
        log.error({ err: e, request_id: req.id }, 'unhandled error');
        if (!reply.sent)
          sendError(
            reply,
            new PonteError('INTERNAL', 'internal error; the request id identifies it in the logs'),
          );
      });
      return;
    }
    if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
      sendError(reply, new PonteError('INVALID_INPUT', 'a path segment is longer than 100 characters'));
      return;
    }
    if (error.code === 'FST_ERR_BAD_URL') {
      sendError(reply, new PonteError('INVALID_INPUT', 'the URL path has a malformed percent-escape'));
      return;
    }
    log.error({ err: error, request_id: req.id }, 'unhandled error');
    sendError(reply, new PonteError('INTERNAL', 'internal error; the request id identifies it in the logs'));
  }

  /**
   * Errors in the HTTP framing (not HTTP, a bad header line, headers too large, a bad
   * Content-Length or chunk): no request was parsed, so the answer is written on the socket, which
   * is then closed.
   */
  function clientError(error: Error & { code?: string }, socket: Socket): void {
    if (error.code === 'ECONNRESET' || socket.destroyed) {
      socket.destroy();
      return;
    }
    const requestId = randomUUID();
    const message =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? 'the request headers are too large'
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? 'the request was not received in time'
          : `the request is not valid HTTP/1.1 (${error.code ?? 'parse error'})`;
    log.info({ request_id: requestId, err_code: error.code, status: 400 }, 'client error');
    // Not over an answer already being written on this connection (as Node's own handler does).
    const current = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (!socket.writable || current?.headersSent === true) {
      socket.destroy();
      return;
    }
    const body = JSON.stringify(new PonteError('INVALID_INPUT', message).toBody(requestId));
    socket.end(
      'HTTP/1.1 400 Bad Request\r\n' +
        'content-type: application/json; charset=utf-8\r\n' +
        `content-length: ${Buffer.byteLength(body)}\r\n` +
        `x-request-id: ${requestId}\r\n` +
        'connection: close\r\n\r\n' +
        body,
      () => socket.destroy(),
    );
  }

  // An Expect other than 100-continue: INVALID_INPUT rather than Node's empty 417.
  app.server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    const requestId = requestIdOf(req);
    const body = JSON.stringify(
      new PonteError('INVALID_INPUT', 'the only Expect header Ponte meets is 100-continue').toBody(requestId),
    );
    log.info(
      { request_id: requestId, method: req.method, url: (req.url ?? '').split('?', 1)[0], status: 400 },
      'request',
    );
    res.writeHead(400, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'x-request-id': requestId,
      connection: 'close',
    });
    res.end(body);
  });

  /** POST /v1/functions/{name}: the gateway's answer. */
  async function callFunction(req: FastifyRequest, reply: FastifyReply, name: string, body: unknown) {
    const result = await gateway.call({
      functionName: name,
      body,
      requestId: String(req.id),
      apiKey: bearer(req),
      watchClient: (onGone) => watchClient(reply.raw, onGone),
    });
    // The tenant when the gateway tells it (CallResult.tenantId); a name that is no function is
    // not logged as given (it is the caller's text, of any length).
    const tenant = (result as { tenantId?: unknown }).tenantId;
    const code =
      result.status === 200 ? undefined : (result.body as { error?: { code?: unknown } }).error?.code;
    noteFacts(req, {
      function: isFunctionName(name) ? name : 'unknown',
      ...(typeof tenant === 'string' ? { tenant } : {}),
      ...(typeof code === 'string' ? { error_code: code } : {}),
    });
    return reply.code(result.status).headers(result.headers).send(result.body);
  }

  // Every body is read as JSON whatever its content type (platforms are not always careful with
  // it), so a malformed body gets INVALID_INPUT rather than a media-type error.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => {
    const text = body as string;
    if (text.trim() === '') return done(null, undefined);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return done(new PonteError('INVALID_INPUT', 'the request body is not valid JSON'), undefined);
    }
    // A NUL character (JSON's \u0000) cannot be stored by PostgreSQL or most ERPs: refused here
    // rather than failing deep inside. Only bodies whose text holds the escape are walked.
    const nul = text.includes('\\u0000') ? nulPath(value, '') : undefined;
    if (nul !== undefined) {
      const message = 'holds the NUL character (\\u0000), which Ponte does not accept';
      return done(
        new PonteError('INVALID_INPUT', `Invalid input at ${nul || 'body'}: ${message}`, {
          details: [{ path: nul, message }],
        }),
        undefined,
      );
    }
    done(null, value);
  });

  // Answers sent while closing end their keep-alive connection: otherwise close() waits for the
  // client to drop it, up to the keep-alive timeout (72 s), after the calls in flight are done.
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  // A request that arrives while closing is refused (the calls already in flight finish): a load
  // balancer or client retries it on another process.
  app.addHook('onRequest', (req, reply, done) => {
    if (closing) {
      sendError(
        reply,
        new PonteError('SERVICE_UNAVAILABLE', 'Ponte is shutting down; retry the call', {
          retryAfterSeconds: CLOSING_RETRY_AFTER_SECONDS,
        }),
      );
      return;
    }
    if (req.raw.httpVersion === '1.1' && req.headers.host === undefined) {
      sendError(reply, new PonteError('INVALID_INPUT', 'an HTTP/1.1 request must have a Host header'));
      return;
    }
    done();
  });
  app.addHook('onSend', (req, reply, payload, done) => {
    void reply.header('x-request-id', String(req.id));
    if (closing) void reply.header('connection', 'close');
    done(null, payload);
  });
  app.addHook('onResponse', (req, reply, done) => {
    logRequest(req, reply);
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
    const unavailable = storeUnavailableError(error);
    if (unavailable) {
      req.log.warn({ err: error, request_id: req.id }, 'the database is unreachable');
      return sendError(reply, unavailable);
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

  app.post<{ Params: { name: string } }>('/v1/functions/:name', (req, reply) =>
    callFunction(req, reply, req.params.name, req.body),
  );

  app.get('/v1/functions', async (req, reply) => {
    const key = bearer(req);
    let readiness: ReturnType<Gateway['readiness']> | null = null;
    let provider: string | null = null;
    if (key !== undefined) {
      const resolved = await store.keys.resolve(key);
      if (!resolved) return sendError(reply, new PonteError('UNAUTHENTICATED', 'unknown or revoked API key'));
      const tenant = await gateway.tenants.require(resolved.tenantId);
      readiness = gateway.readiness(tenant);
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
          // With a key: whether the tenant's ERP can do it, and whether the tenant's settings let it.
          ...(readiness ? readiness[name] : {}),
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
      // Redis away is reported too, and the process stays ready: it protects the ERP on its own.
      const { checks, erp_protection } = gateway.protection.status();
      return {
        status: 'ready',
        checks: { database: 'ok', ...checks },
        erp_protection,
        erp_circuits: gateway.circuits(),
      };
    } catch {
      return reply.code(503).send({ status: 'not ready', checks: { database: 'unreachable' } });
    }
  });
  app.get('/metrics', async (_req, reply) =>
    reply.type(gateway.metrics.registry.contentType).send(await gateway.metrics.registry.metrics()),
  );

  registerAdminRoutes(app, { gateway, store, adminToken: options.adminToken });
  registerConsole(app, { gateway, store, adminToken: options.adminToken });
  return app;
}
