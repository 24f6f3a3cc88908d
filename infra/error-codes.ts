/**
 * Every code an error of ours can carry: the `code` of a `StanceWatchError` and the
 * `{ error: { code } }` the HTTP API answers with. Clients and tests branch on these strings, so
 * they are declared once and a code nobody declared is a type error. Never rename one: add a new
 * code and retire the old one when nothing answers with it any more.
 */
export const errorCodes = [
  // The HTTP request could not be read as one (Node's parser, express, the body parser), or failed in a way we did not expect.
  'request_malformed',
  'request_unreadable',
  'request_timeout',
  'request_refused',
  'path_malformed',
  'json_malformed',
  'encoding_unsupported',
  'payload_too_large',
  'headers_too_large',
  'method_not_allowed',
  'precondition_failed',
  'range_not_satisfiable',
  'forbidden',
  'not_found',
  'route_not_found',
  'internal_error',

  // Who is asking: API tokens, their roles, and how often they may write.
  'token_missing',
  'token_malformed',
  'token_invalid',
  'token_revoked',
  'role_forbidden',
  'rate_limited',

  // Input that fails its rules, from any entry point (HTTP, command line, a crawl's own settings).
  'request_invalid',
  'idempotency_key_reused',
  'retrieval_invalid',
  'schedule_invalid',
  'replay_mode_missing',
  'replay_runs_invalid',

  // Something asked for by id or slug is not there.
  'audit_not_found',
  'lab_not_found',
  'report_not_found',
  'replay_not_found',
  'schedule_not_found',
  'schedule_without_audit',
  'token_not_found',

  // An audit's lifecycle: what cannot happen to it in the state it is in.
  'audit_not_cancellable',
  'audit_running_elsewhere',
  'audit_not_published',
  'audit_not_recorded',
  'publish_contention',

  // Review before publishing: drafts and the editor's decision on them.
  'draft_not_found',
  'draft_already_decided',
  'draft_changed',

  // Readers' submissions and labs' replies.
  'submission_not_found',
  'submission_already_decided',
  'reply_target_unpublished',

  // Replays: what an audit must have recorded, and this process must match, to be replayed.
  'audit_state_missing',
  'replay_embedder_mismatch',
  'replay_model_unknown',
  'replay_request_unrecorded',
  'replay_progress_stored',

  // How this installation is set up: settings, the database, the queue, the model endpoints.
  'config_invalid',
  'private_hosts_invalid',
  'database_unreachable',
  'pgvector_missing',
  'migration_edited',
  'migration_failed',
  'queue_not_configured',
  'queue_unavailable',
  'schedules_need_queue',
  'llm_not_configured',
  'embedder_misconfigured',

  // Models, engines and the reports they make.
  'model_failed',
  'model_cancelled',
  'model_call_not_recorded',
  'embedder_failed',
  'rubric_unknown_lens',
  'report_invalid',
  'report_unreadable',
  'flags_file_unreadable',
  'flags_usage',
  'tagger_model_unsupported',
  'hype_model_invalid',
  'extraction_failed',

  // Kebab-case, unlike the rest: kept for compatibility, as clients and tests already match them.
  'invalid-crawl-options',
  'indicator-dataset-invalid',
  'suffixscape-dataset-invalid',
  'suffixscape-dataset-unreadable',
] as const;

export type ErrorCode = (typeof errorCodes)[number];
