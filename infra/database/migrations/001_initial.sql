-- StanceWatch schema, version 1. Migrations are append-only: never edit one that has shipped;
-- add the next number instead.

create table labs (
  slug        text primary key,
  name        text not null,
  profile     jsonb not null,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);

create table audits (
  id               text primary key,
  lab_slug         text not null references labs (slug),
  status           text not null check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  request          jsonb not null,
  engine           jsonb not null,
  app_version      text not null,
  idempotency_key  text unique,
  error            text,
  created_at       timestamptz not null default now(),
  started_at       timestamptz,
  finished_at      timestamptz,
  updated_at       timestamptz not null default now()
);
create index audits_lab_created on audits (lab_slug, created_at desc);
create index audits_status on audits (status);

-- One row per agent of an audit; `attempts` counts how many times it started running, so a
-- resumed audit shows which agents were redone.
create table agent_runs (
  audit_id     text not null references audits (id) on delete cascade,
  agent        text not null,
  status       text not null check (status in ('queued', 'running', 'succeeded', 'failed', 'skipped')),
  attempts     integer not null default 0,
  started_at   timestamptz,
  finished_at  timestamptz,
  duration_ms  integer,
  detail       text,
  error        text,
  updated_at   timestamptz not null default now(),
  primary key (audit_id, agent)
);

-- Content-addressed: the key is the sha256 of the extracted text every quote and offset refers to.
create table snapshots (
  hash          text primary key check (hash ~ '^[0-9a-f]{64}$'),
  text          text not null,
  html          text,
  content_type  text,
  created_at    timestamptz not null default now()
);

create table sources (
  audit_id        text not null references audits (id) on delete cascade,
  id              text not null,
  requested_url   text not null,
  final_url       text not null,
  redirect_chain  jsonb not null default '[]',
  http_status     integer,
  content_type    text,
  bytes           integer not null default 0,
  words           integer not null default 0,
  title           text,
  party           text not null check (party in ('first', 'third')),
  fetched_with    text not null,
  snapshot_hash   text references snapshots (hash),
  fetched_at      timestamptz not null,
  error           text,
  issues          jsonb not null default '[]',
  primary key (audit_id, id)
);

create table chunks (
  id             bigserial primary key,
  audit_id       text not null references audits (id) on delete cascade,
  source_id      text not null,
  snapshot_hash  text not null references snapshots (hash),
  party          text not null check (party in ('first', 'third')),
  ordinal        integer not null,
  start_offset   integer not null,
  end_offset     integer not null check (end_offset >= start_offset),
  text           text not null,
  embedding      vector(384) not null,
  tsv            tsvector generated always as (to_tsvector('english', text)) stored
);
create index chunks_embedding_hnsw on chunks using hnsw (embedding vector_cosine_ops);
create index chunks_tsv_gin on chunks using gin (tsv);
create index chunks_audit_party on chunks (audit_id, party);

create table lens_results (
  audit_id        text not null references audits (id) on delete cascade,
  lens_id         text not null,
  status          text not null check (status in ('ok', 'failed')),
  score           integer check (score between 1 and 10),
  justification   text,
  failure_reason  text,
  primary key (audit_id, lens_id)
);

create table findings (
  id         bigserial primary key,
  audit_id   text not null references audits (id) on delete cascade,
  lens_id    text not null,
  ordinal    integer not null,
  text       text not null,
  unique (audit_id, lens_id, ordinal)
);

create table evidence (
  id            bigserial primary key,
  finding_id    bigint not null references findings (id) on delete cascade,
  source_id     text not null,
  url           text not null,
  quote         text not null,
  start_offset  integer not null,
  end_offset    integer not null,
  verified      boolean not null
);

create table flags (
  id            bigserial primary key,
  audit_id      text not null references audits (id) on delete cascade,
  pattern       text not null,
  quote         text not null,
  source_id     text not null,
  start_offset  integer not null,
  end_offset    integer not null,
  effect        text not null,
  alternative   text not null,
  detector      text not null
);

-- Published reports are append-only: a version, once written, never changes.
create table report_versions (
  id            bigserial primary key,
  lab_slug      text not null references labs (slug),
  audit_id      text not null unique references audits (id),
  version       integer not null,
  body          text not null,
  sha256        text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  published_at  timestamptz not null default now(),
  unique (lab_slug, version)
);

create table spans (
  trace_id        text not null,
  span_id         text not null,
  parent_span_id  text,
  audit_id        text,
  name            text not null,
  kind            text not null,
  start_time      timestamptz not null,
  end_time        timestamptz not null,
  duration_ms     double precision not null,
  status          text not null,
  attributes      jsonb not null default '{}',
  events          jsonb not null default '[]',
  primary key (trace_id, span_id)
);
create index spans_audit on spans (audit_id, start_time);

create table model_calls (
  id             bigserial primary key,
  audit_id       text,
  purpose        text not null,
  model          text not null,
  request_hash   text not null,
  request        jsonb not null,
  response       jsonb,
  input_tokens   integer,
  output_tokens  integer,
  latency_ms     integer not null,
  error          text,
  created_at     timestamptz not null default now()
);
create index model_calls_request_hash on model_calls (request_hash);
create index model_calls_audit on model_calls (audit_id, id);

-- Reviewers' annotations are append-only: disagreement is recorded, never overwritten.
create table annotations (
  id           bigserial primary key,
  audit_id     text not null references audits (id),
  target_kind  text not null check (target_kind in ('finding', 'flag', 'score', 'report')),
  target_id    text not null,
  author       text not null,
  verdict      text not null check (verdict in ('agree', 'dispute', 'comment')),
  body         text not null,
  created_at   timestamptz not null default now()
);
create index annotations_audit on annotations (audit_id, id);

create table api_tokens (
  id            text primary key,
  name          text not null,
  role          text not null check (role in ('editor', 'reviewer', 'evaluator', 'admin')),
  token_sha256  text not null unique,
  created_at    timestamptz not null default now(),
  revoked_at    timestamptz,
  last_used_at  timestamptz
);

create function refuse_change_to_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: rows cannot be updated or deleted', tg_table_name
    using errcode = 'restrict_violation';
end;
$$;

create trigger report_versions_append_only before update or delete on report_versions
  for each row execute function refuse_change_to_append_only();
create trigger annotations_append_only before update or delete on annotations
  for each row execute function refuse_change_to_append_only();
