import addFormats from 'ajv-formats';
import OpenAPIBackend, { type Document, type Operation } from 'openapi-backend';
import request from 'supertest';
import type { TestApp } from './test-app';

/** `METHOD /path/{param}`, as the document spells the operation: the key of the contract table. */
export type OperationKey = string;

/** What the contract test saw of one real answer. */
export interface Answer {
  status: number;
  contentType: string | undefined;
  /** Parsed JSON, the raw bytes of any other type, undefined when empty. */
  body: unknown;
}

/** A request as the contract table writes it: the path as sent, with its query string. */
export interface SentRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** A JSON body; a multipart one (a Buffer here) is not checked against the document. */
  body?: unknown;
}

const keyOf = (op: Pick<Operation, 'method' | 'path'>): OperationKey => `${op.method.toUpperCase()} ${op.path}`;
const mediaType = (contentType: string | undefined) => contentType?.split(';')[0].trim().toLowerCase();

function describeErrors(errors: Array<{ instancePath?: string; message?: string; params?: unknown }>): string {
  return errors.map((e) => `${e.instancePath || '(body)'} ${e.message ?? ''} ${JSON.stringify(e.params ?? {})}`).join('; ');
}

/**
 * The served OpenAPI document, with openapi-backend (Ajv underneath) to hold
 * real answers against it, and a record of which operations had a success
 * and an error answer validated.
 */
export class ApiContract {
  private readonly seen = new Map<OperationKey, Set<number>>();

  private constructor(
    readonly document: Document,
    private readonly api: OpenAPIBackend,
  ) {}

  static async load(t: TestApp): Promise<ApiContract> {
    const document = (await request(t.http).get('/api/docs-json').expect(200)).body as Document;
    const api = new OpenAPIBackend({
      // A copy: openapi-backend dereferences what it is given in place.
      definition: structuredClone(document),
      // Refuses a document that is not valid OpenAPI.
      strict: true,
      customizeAjv: (ajv) => {
        addFormats(ajv);
        return ajv;
      },
    });
    await api.init();
    return new ApiContract(document, api);
  }

  /** Every operation of the document. */
  operations(): OperationKey[] {
    return this.api.getOperations().map(keyOf);
  }

  private operation(key: OperationKey): Operation {
    const op = this.api.getOperations().find((o) => keyOf(o) === key);
    if (!op) throw new Error(`${key} is not an operation of the OpenAPI document`);
    return op;
  }

  /** Problems of a request the server accepted: it must route to this operation and be valid by the document. */
  checkRequest(key: OperationKey, sent: SentRequest, answered: number): string[] {
    const [pathname, query = ''] = sent.path.split('?');
    const matched = this.api.matchOperation({ method: sent.method, path: pathname, headers: sent.headers });
    if (!matched || keyOf(matched) !== key) return [`${sent.method} ${sent.path} routes to ${matched ? keyOf(matched) : 'no operation'}, not ${key}`];
    if (answered >= 400 || sent.body instanceof Buffer) return [];
    const result = this.api.validateRequest(
      { method: sent.method, path: pathname, query, headers: sent.headers, body: sent.body },
      matched,
    );
    return result.valid ? [] : [`the request the server accepted is invalid by the document: ${describeErrors(result.errors ?? [])}`];
  }

  /** Problems of an answer: its status must be documented, and its body valid by that status's schema. */
  checkAnswer(key: OperationKey, answer: Answer): string[] {
    const op = this.operation(key);
    const documented = op.responses?.[String(answer.status)] as { content?: Record<string, unknown> } | undefined;
    if (!documented) return [`status ${answer.status} is not documented (documented: ${Object.keys(op.responses ?? {}).join(', ')})`];
    const problems: string[] = [];
    const type = mediaType(answer.contentType);
    const declared = Object.keys(documented.content ?? {});
    if (!declared.length) {
      if (answer.body !== undefined) problems.push(`status ${answer.status} is documented without a body, but one came (${type})`);
    } else if (!type || !declared.includes(type)) {
      problems.push(`content type ${type} is not documented for ${answer.status} (documented: ${declared.join(', ')})`);
    } else if (type === 'application/json') {
      const result = this.api.validateResponse(answer.body, op, answer.status);
      if (!result.valid) problems.push(`the ${answer.status} body does not match the document: ${describeErrors(result.errors ?? [])}`);
    }
    if (!problems.length) {
      const statuses = this.seen.get(key) ?? new Set<number>();
      statuses.add(answer.status);
      this.seen.set(key, statuses);
    }
    return problems;
  }

  /** Operations without a validated success answer or without a validated error answer, each saying which is missing. */
  uncovered(): string[] {
    return this.operations().flatMap((key) => {
      const statuses = [...(this.seen.get(key) ?? [])];
      const missing = [...(statuses.some((s) => s < 400) ? [] : ['success']), ...(statuses.some((s) => s >= 400) ? [] : ['error'])];
      return missing.length ? [`${key}: no ${missing.join(' and no ')} answer validated (add a row to the contract table)`] : [];
    });
  }
}
