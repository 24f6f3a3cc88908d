/**
 * The OpenAPI 3.1 document of the HTTP API, generated from the same zod schemas the routes
 * validate with, so the document cannot drift from what the server accepts. OpenAPI 3.1 uses
 * JSON Schema 2020-12, which is what zod emits.
 */
import { z } from 'zod';
import { stanceReportSchema } from '../graph/report-schema.js';
import { appVersion } from '../infra/app-version.js';
import {
  apiAuditRequestSchema,
  auditCancelledSchema,
  auditCreatedSchema,
  auditDetailSchema,
  auditListQuerySchema,
  auditListSchema,
  errorBodySchema,
  healthSchema,
  labHistorySchema,
  labListSchema,
  progressEventSchema,
  readinessSchema,
} from './api-schemas.js';

type JsonSchema = Record<string, unknown>;

function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const components = {
  AuditRequest: jsonSchemaOf(apiAuditRequestSchema, 'input'),
  AuditCreated: jsonSchemaOf(auditCreatedSchema, 'output'),
  AuditList: jsonSchemaOf(auditListSchema, 'output'),
  AuditDetail: jsonSchemaOf(auditDetailSchema, 'output'),
  AuditCancelled: jsonSchemaOf(auditCancelledSchema, 'output'),
  ProgressEvent: jsonSchemaOf(progressEventSchema, 'output'),
  LabList: jsonSchemaOf(labListSchema, 'output'),
  LabHistory: jsonSchemaOf(labHistorySchema, 'output'),
  StanceReport: jsonSchemaOf(stanceReportSchema, 'output'),
  Error: jsonSchemaOf(errorBodySchema, 'output'),
  Health: jsonSchemaOf(healthSchema, 'output'),
  Readiness: jsonSchemaOf(readinessSchema, 'output'),
};

type ComponentName = keyof typeof components;

const ref = (name: ComponentName) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: ComponentName, description: string) => ({ description, content: { 'application/json': { schema: ref(name) } } });
const problem = (description: string) => json('Error', description);

const auditIdParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^aud_[A-Za-z0-9]{1,64}$' } };
const slugParameter = { name: 'slug', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' } };

function queryParameters(schema: z.ZodObject): object[] {
  const shape = jsonSchemaOf(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(shape.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: shape.required?.includes(name) ?? false,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: property,
  }));
}

const tokenSecurity = [{ bearerToken: [] }];
const authProblems = {
  '401': problem('No token, an unknown token or a revoked token.'),
  '403': problem('The token’s role may not do this.'),
};

export function createOpenApiDocument(): object {
  return {
    openapi: '3.1.0',
    info: {
      title: 'StanceWatch API',
      version: appVersion,
      description:
        'Launch and follow audits of what AI labs publish about themselves, and read the published stance reports. ' +
        'Published reports and lab listings are public; audit status needs any API token; launching and cancelling need an editor or admin token.',
    },
    components: {
      schemas: components,
      securitySchemes: { bearerToken: { type: 'http', scheme: 'bearer', description: 'An API token from "stancewatch tokens create".' } },
    },
    paths: {
      '/api/audits': {
        post: {
          summary: 'Launch an audit',
          security: tokenSecurity,
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 } }],
          requestBody: { required: true, content: { 'application/json': { schema: ref('AuditRequest') } } },
          responses: {
            '201': json('AuditCreated', 'The audit was created and queued.'),
            '200': json('AuditCreated', 'An audit launched earlier with the same Idempotency-Key.'),
            '400': problem('Invalid request (field-level messages in error.fields), malformed JSON, or file/folder sources.'),
            ...authProblems,
            '413': problem('Body larger than 1 MB.'),
            '429': problem('Too many writes with this token; see Retry-After.'),
          },
        },
        get: {
          summary: 'List audits, newest first',
          security: tokenSecurity,
          parameters: queryParameters(auditListQuerySchema),
          responses: { '200': json('AuditList', 'Audits.'), '400': problem('Invalid query.'), ...authProblems },
        },
      },
      '/api/audits/{id}': {
        get: {
          summary: 'Status of an audit and of each of its agents',
          security: tokenSecurity,
          parameters: [auditIdParameter],
          responses: { '200': json('AuditDetail', 'The audit.'), '404': problem('No such audit.'), ...authProblems },
        },
      },
      '/api/audits/{id}/events': {
        get: {
          summary: 'Live progress as Server-Sent Events',
          description:
            'Each `progress` event carries a ProgressEvent as data and its log position as id. Reconnect with the Last-Event-ID header ' +
            '(or ?lastEventId=) to receive exactly the events after it. An `end` event closes the stream once the audit has finished.',
          security: tokenSecurity,
          parameters: [
            auditIdParameter,
            { name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string', pattern: '^\\d+$' } },
            { name: 'lastEventId', in: 'query', required: false, schema: { type: 'string', pattern: '^\\d+$' } },
          ],
          responses: {
            '200': { description: 'An event stream.', content: { 'text/event-stream': { schema: ref('ProgressEvent') } } },
            '404': problem('No such audit.'),
            ...authProblems,
          },
        },
      },
      '/api/audits/{id}/cancel': {
        post: {
          summary: 'Cancel a queued or running audit',
          security: tokenSecurity,
          parameters: [auditIdParameter],
          responses: {
            '200': json('AuditCancelled', 'Whether it was cancelled, and its status now.'),
            '404': problem('No such audit.'),
            '409': problem('The audit runs in another process.'),
            '429': problem('Too many writes with this token.'),
            ...authProblems,
          },
        },
      },
      '/stancewatch/api/labs/{slug}.json': {
        get: {
          summary: 'The latest published stance report of a lab, exactly as stored (ETag = its sha256)',
          parameters: [slugParameter],
          responses: { '200': json('StanceReport', 'The report.'), '304': { description: 'Not modified.' }, '404': problem('No published report.') },
        },
      },
      '/api/labs': { get: { summary: 'Labs audited, with their latest report', responses: { '200': json('LabList', 'Labs.') } } },
      '/api/labs/{slug}/audits': {
        get: {
          summary: 'A lab’s audit history',
          parameters: [slugParameter],
          responses: { '200': json('LabHistory', 'Audits of the lab, newest first.'), '404': problem('No such lab.') },
        },
      },
      '/api/labs/{slug}/reports/{auditId}.json': {
        get: {
          summary: 'One published report version',
          parameters: [slugParameter, { ...auditIdParameter, name: 'auditId' }],
          responses: { '200': json('StanceReport', 'The report, exactly as stored.'), '404': problem('That audit published no report for the lab.') },
        },
      },
      '/healthz': { get: { summary: 'The process is up', responses: { '200': json('Health', 'Up.') } } },
      '/readyz': {
        get: { summary: 'The database answers', responses: { '200': json('Readiness', 'Ready.'), '503': json('Readiness', 'The database does not answer.') } },
      },
    },
  };
}
