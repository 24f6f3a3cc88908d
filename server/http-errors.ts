/**
 * The one error funnel of the HTTP API: every failure leaves as
 * `{ error: { code, message, fields? } }` with the status it deserves, and never with internals.
 * Errors we raise on purpose carry their own status and message; anything else is logged and
 * answered with a reference the operator can find in the log.
 */
import { randomBytes } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { StanceWatchError, isStanceWatchError } from '../infra/errors.js';

/** Field path ("lab.slug", "sources.0") → what is wrong with it. */
export type FieldProblems = Record<string, string>;

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly fields?: FieldProblems };
}

/** Input that failed validation, with one message per offending field. */
export class RequestInvalidError extends StanceWatchError {
  constructor(
    message: string,
    readonly fields: FieldProblems,
  ) {
    super('request_invalid', message, 400);
  }
}

function fieldsOf(error: StanceWatchError): FieldProblems | undefined {
  const fields = (error as { fields?: unknown }).fields;
  return typeof fields === 'object' && fields !== null ? (fields as FieldProblems) : undefined;
}

export function sendError(response: Response, status: number, code: string, message: string, fields?: FieldProblems): void {
  const body: ErrorBody = { error: { code, message, ...(fields ? { fields } : {}) } };
  response.status(status).json(body);
}

/** Errors thrown by express's body parser carry a `type` naming what went wrong. */
interface BodyParserError {
  readonly type: string;
  readonly status?: number;
  readonly limit?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && typeof (error as { type?: unknown }).type === 'string' && 'status' in error;
}

export interface ErrorFunnelOptions {
  /** Where unexpected errors are written; defaults to standard error. */
  readonly log?: (line: string) => void;
}

export function createErrorFunnel(options: ErrorFunnelOptions = {}): ErrorRequestHandler {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  return (error: unknown, request, response, next) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    if (isStanceWatchError(error)) {
      if (!error.operational || error.status >= 500) log(`${request.method} ${request.path}: ${error.code}: ${error.message}`);
      sendError(response, error.status, error.code, error.message, fieldsOf(error));
      return;
    }
    if (isBodyParserError(error)) {
      if (error.type === 'entity.too.large') {
        sendError(response, 413, 'payload_too_large', 'The request body is larger than 1 MB; send a smaller audit request.');
        return;
      }
      if (error.type === 'entity.parse.failed') {
        sendError(response, 400, 'json_malformed', 'The request body is not valid JSON; check quoting and commas.');
        return;
      }
      if (error.type === 'encoding.unsupported' || error.type === 'charset.unsupported') {
        sendError(response, 415, 'encoding_unsupported', 'Send the body as UTF-8 JSON without a content encoding.');
        return;
      }
      if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
        sendError(response, error.status, 'request_unreadable', 'The request body could not be read.');
        return;
      }
    }
    const reference = randomBytes(6).toString('hex');
    log(`${request.method} ${request.path}: unexpected error (reference ${reference}): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    sendError(response, 500, 'internal_error', `Something went wrong on our side (reference ${reference}); the error has been logged.`);
  };
}

/** Unknown routes answer in the same JSON shape as every other error. */
export const notFoundHandler: RequestHandler = (request, response) => {
  sendError(response, 404, 'route_not_found', `No route ${request.method} ${request.path}; see /api/openapi.json for the API.`);
};
