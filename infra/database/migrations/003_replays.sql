-- Replays of audits: an exact replay (recorded answers; must reproduce the published bytes) or
-- a fresh one (N runs with the live engine, summarised as a consistency report). Replays never
-- publish a lab version; their report bodies live here, one row per run.
create table replays (
  id               text primary key,
  audit_id         text not null references audits (id) on delete cascade,
  mode             text not null check (mode in ('exact', 'fresh')),
  engine           text not null check (engine in ('rubric', 'llm')),
  runs             integer not null check (runs >= 1),
  original_sha256  text not null check (original_sha256 ~ '^[0-9a-f]{64}$'),
  identical        boolean,
  differences      jsonb not null default '[]',
  consistency      jsonb,
  error            text,
  created_at       timestamptz not null default now()
);
create index replays_audit on replays (audit_id, created_at desc);

create table replay_runs (
  replay_id  text not null references replays (id) on delete cascade,
  run        integer not null check (run >= 1),
  sha256     text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  body       text not null,
  primary key (replay_id, run)
);
