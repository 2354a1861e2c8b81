-- Listing moderation (docs/admin.md): with moderation on, a new or substantially edited
-- listing is PENDING (invisible to guests) until the superuser approves it; a rejection
-- (REJECTED) carries a reason; the superuser can suspend any listing (SUSPENDED) with a
-- reason, and only the superuser lifts it. Search and cards show ACTIVE listings only.
alter table listings drop constraint listings_status_check;
alter table listings add constraint listings_status_check
    check (status in ('ACTIVE', 'INACTIVE', 'PENDING', 'REJECTED', 'SUSPENDED'));

alter table listings
    -- the superuser's reason for the last rejection or suspension
    add column moderation_reason text check (moderation_reason is null or length(moderation_reason) <= 1000),
    add column moderated_at      timestamptz,
    add column moderated_by      bigint references users (id),
    -- when the listing was last approved (or went live without moderation)
    add column approved_at       timestamptz;

update listings set approved_at = created_at where status = 'ACTIVE';

create index listings_pending_idx on listings (updated_at, id) where status = 'PENDING';

alter table listing_changes drop constraint listing_changes_action_check;
alter table listing_changes add constraint listing_changes_action_check
    check (action in ('CREATED', 'UPDATED', 'ACTIVATED', 'DEACTIVATED', 'PHOTO_ADDED', 'PHOTO_REMOVED',
                      'PHOTOS_REORDERED', 'MAIN_PHOTO_CHANGED', 'PRICES_CHANGED', 'SUBMITTED', 'APPROVED',
                      'REJECTED', 'SUSPENDED', 'REINSTATED'));

-- Every status a listing had and when (Astana days are cut from these instants). Written
-- by a trigger, so every writer is covered; the times are the writer's created_at /
-- updated_at (the application clock), never the database clock. Occupancy counts the
-- listings that were ACTIVE during a period, not those ACTIVE today.
create table listing_status_history (
    id         bigserial   primary key,
    listing_id bigint      not null references listings (id) on delete cascade,
    status     text        not null,
    since      timestamptz not null,
    until      timestamptz,
    check (until is null or until >= since)
);

create index listing_status_history_listing_idx on listing_status_history (listing_id, since);
create index listing_status_history_active_idx on listing_status_history (since, until) where status = 'ACTIVE';
create unique index listing_status_history_open_idx on listing_status_history (listing_id) where until is null;

insert into listing_status_history (listing_id, status, since)
select id, status, created_at from listings;

create function listing_status_history_write() returns trigger language plpgsql as $$
declare
    at timestamptz;
begin
    if tg_op = 'INSERT' then
        insert into listing_status_history (listing_id, status, since) values (new.id, new.status, new.created_at);
        return new;
    end if;
    if new.status is distinct from old.status then
        at := case when new.updated_at is distinct from old.updated_at then new.updated_at else now() end;
        update listing_status_history set until = greatest(at, since) where listing_id = new.id and until is null;
        insert into listing_status_history (listing_id, status, since) values (new.id, new.status, at);
    end if;
    return new;
end;
$$;

create trigger listing_status_history_on_insert after insert on listings
    for each row execute function listing_status_history_write();
create trigger listing_status_history_on_status after update of status on listings
    for each row execute function listing_status_history_write();
