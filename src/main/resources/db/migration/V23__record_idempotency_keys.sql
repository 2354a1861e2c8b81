-- Idempotency keys of requests that create something (owner: common, class Idempotency).
-- The key is recorded before the work, in the same transaction, under the primary key: a
-- parallel duplicate waits for the first request and replays what it created.
create table idempotency_keys (
    operation       text        not null,
    caller_id       bigint      not null,
    idempotency_key text        not null check (length(idempotency_key) between 1 and 255),
    -- SHA-256 (hex) of the request's canonical JSON
    fingerprint     text        not null,
    -- what the first request created (a booking or payment id)
    resource_id     text,
    created_at      timestamptz not null,
    primary key (operation, caller_id, idempotency_key)
);

-- Keys used before this table keep meaning "already used": their fingerprints were computed
-- differently, so a retry that spans the upgrade gets the 422 problem instead of a second
-- booking or payment.
insert into idempotency_keys (operation, caller_id, idempotency_key, fingerprint, resource_id, created_at)
select 'booking.hold', guest_id, idempotency_key, 'legacy:' || coalesce(request_hash, ''), id::text, created_at
from bookings
where idempotency_key is not null;

insert into idempotency_keys (operation, caller_id, idempotency_key, fingerprint, resource_id, created_at)
select distinct on (guest_id, idempotency_key) 'payment.start', guest_id, idempotency_key, 'legacy:', id::text,
       created_at
from payments
order by guest_id, idempotency_key, created_at desc, id
on conflict do nothing;

alter table bookings drop column idempotency_key;
alter table bookings drop column request_hash;
