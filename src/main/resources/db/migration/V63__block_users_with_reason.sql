-- Blocking a user carries the superuser's reason (shown on the users page, kept in the audit log).
alter table users
    add column blocked_reason text check (blocked_reason is null or length(blocked_reason) <= 500),
    add column blocked_at     timestamptz;
