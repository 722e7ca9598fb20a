// Wraps a kysely dialect (PostgreSQL or SQLite) so that the store fails in one known way when its
// database cannot take work:
// - an error that says the database is unreachable or overloaded (unavailable.ts) leaves every
//   query as a StoreUnavailableError, so callers tell it apart from a bug, and from an ERP's
//   network error that merely looks the same;
// - a read that fails because its pooled connection turned out to be dead is run again (up to 3
//   times) on other connections. After a PostgreSQL restart or pg_terminate_backend, the pool may hand out a
//   connection whose termination notice is still unread in its socket; without this, the first
//   call after every such event would fail. Only reads outside a transaction are repeated: a write
//   whose connection died may have been applied, and its caller decides.
import type {
  CompiledQuery,
  DatabaseConnection,
  DatabaseIntrospector,
  Dialect,
  DialectAdapter,
  Driver,
  Kysely,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from 'kysely';
import { isStoreUnavailable, StoreUnavailableError } from './unavailable.js';

export class GuardedDialect implements Dialect {
  constructor(private readonly inner: Dialect) {}

  createDriver(): Driver {
    return new GuardedDriver(this.inner.createDriver());
  }

  createQueryCompiler(): QueryCompiler {
    return this.inner.createQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return this.inner.createAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return this.inner.createIntrospector(db);
  }
}

function guard(error: unknown): unknown {
  return error instanceof StoreUnavailableError || !isStoreUnavailable(error)
    ? error
    : new StoreUnavailableError(error);
}

/** Tries of a read on other connections after its pooled one turned out dead. */
const READ_RETRIES = 3;

function isRead(query: CompiledQuery): boolean {
  return /^\s*select\b/i.test(query.sql);
}

class GuardedConnection implements DatabaseConnection {
  inTransaction = false;

  constructor(
    readonly inner: DatabaseConnection,
    private readonly driver: Driver,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return await this.inner.executeQuery<R>(query);
    } catch (error) {
      if (this.inTransaction || !isRead(query) || !isStoreUnavailable(error)) throw guard(error);
    }
    // Several pooled connections may have died together (a restart ends them all) and the pool
    // learns of each only when its socket's notice is read: a few more tries, each on another
    // connection, while the dead ones leave the pool.
    for (let retry = 1; ; retry++) {
      try {
        const fresh = await this.driver.acquireConnection();
        try {
          return await fresh.executeQuery<R>(query);
        } finally {
          await this.driver.releaseConnection(fresh);
        }
      } catch (error) {
        if (retry >= READ_RETRIES || !isStoreUnavailable(error)) throw guard(error);
      }
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class GuardedDriver implements Driver {
  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    try {
      return new GuardedConnection(await this.inner.acquireConnection(), this.inner);
    } catch (error) {
      throw guard(error);
    }
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const c = connection as GuardedConnection;
    c.inTransaction = true;
    try {
      await this.inner.beginTransaction(c.inner, settings);
    } catch (error) {
      throw guard(error);
    }
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as GuardedConnection;
    try {
      await this.inner.commitTransaction(c.inner);
    } catch (error) {
      throw guard(error);
    } finally {
      c.inTransaction = false;
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as GuardedConnection;
    try {
      await this.inner.rollbackTransaction(c.inner);
    } catch (error) {
      throw guard(error);
    } finally {
      c.inTransaction = false;
    }
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection((connection as GuardedConnection).inner);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}
