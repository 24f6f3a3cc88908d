-- Every progress transition of every audit, in the order it happened. The SSE stream reads from
-- here so a client reconnecting with Last-Event-ID gets exactly what it missed, whichever process
-- ran the audit. Rows are never changed; they go only when their audit does.
create table audit_events (
  id           bigserial primary key,
  audit_id     text not null references audits (id) on delete cascade,
  agent        text not null,
  status       text not null check (status in ('queued', 'running', 'succeeded', 'failed', 'skipped')),
  at           timestamptz not null,
  duration_ms  integer,
  detail       text,
  error        text
);

create index audit_events_by_audit on audit_events (audit_id, id);

create trigger audit_events_append_only before update on audit_events
  for each row execute function refuse_change_to_append_only();
