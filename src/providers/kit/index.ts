// The provider kit: everything an ERP adapter shares, so that a new ERP is one folder
// (src/providers/<erp>/) plus one line in src/providers/index.ts. docs/providers.md walks through it.
//
// - define.ts    defineProvider (the manifest), functionsFor (functions that carry their name) and
//                loadFunctions (the provider's functions, one file each in functions/)
// - settings.ts  setting fields every ERP has (the base URL rule, ids)
// - http.ts      ErpHttpClient: keep-alive pool, deadline, failure classification, the retry policy,
//                errors inside an HTTP 200 (`errorInBody`), masked upstream excerpts
// - retry.ts     the one retry policy (reads and not-sent writes only, Retry-After, jittered backoff)
// - valuation.ts bill valuation: ERP amounts -> valor_inicial/juros/multa/desconto/valor_final
// - edge.ts      money, dates, text, documents and links as ERPs send them
// - paging.ts    reading every page of a listing
export { defineProvider, functionsFor, loadFunctions } from './define.js';
export type { DeclaredFunction, ProviderManifest, SecretField } from './define.js';
export { baseUrlSetting, idSetting, numericIdSetting } from './settings.js';
export { DownloadClients, ErpHttpClient, badResponse, rejected, upstreamExcerpt } from './http.js';
export type { ErpRequest, ErpResponse, ErpHttpClientOptions } from './http.js';
export { retryWait, defaultRetryPolicy } from './retry.js';
export type { RetryPolicy, FailedAttempt } from './retry.js';
export { valueBill, billMoney, byDueDate } from './valuation.js';
export type { BillAmounts, BillMoney, ChargeBasis, FeeRule } from './valuation.js';
export { brDate, cents, digits, document, httpUrl, isoDate, text } from './edge.js';
export { readAllPages } from './paging.js';
export type { Page, PagingOptions } from './paging.js';
export type {
  CallContext,
  CheckChoice,
  CheckReport,
  ConnectEnv,
  Provider,
  ProviderFunction,
} from '../types.js';
export type { TenantOptions } from '../tenant-options.js';
