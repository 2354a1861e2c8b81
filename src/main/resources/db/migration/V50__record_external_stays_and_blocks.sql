-- Bookings and blocks from outside (docs/integrations.md). Owner: booking.
-- An external booking is a booking whose source is a connection ('connection:<uuid>') with the
-- sender's own id as external_ref; a block imported from a calendar feed has the source
-- 'ical:<import name>' and the feed event's key. Both occupy nights through the one occupancy
-- relation and its exclusion constraint, exactly like our own bookings and blocks.
alter table bookings
    add column source       text check (source is null or length(source) between 1 and 200),
    add column external_ref text check (external_ref is null or length(external_ref) between 1 and 200),
    add constraint bookings_source_ref_check check ((source is null) = (external_ref is null));

create unique index bookings_external_uq on bookings (source, external_ref) where source is not null;
-- the job that completes ended external stays
create index bookings_external_active_idx on bookings (check_out) where source is not null
    and status in ('CONFIRMED', 'CHECKED_IN');

-- a connection (another booking system) cancels or moves its own bookings
alter table bookings drop constraint bookings_cancelled_by_check;
alter table bookings add constraint bookings_cancelled_by_check
    check (cancelled_by in ('GUEST', 'REALTOR', 'AGENCY', 'PLATFORM', 'CHANNEL'));
alter table booking_transitions drop constraint booking_transitions_actor_type_check;
alter table booking_transitions add constraint booking_transitions_actor_type_check
    check (actor_type in ('GUEST', 'REALTOR', 'AGENCY', 'PLATFORM', 'SYSTEM', 'PAYMENT', 'CHANNEL'));

alter table listing_blocks
    add column source       text check (source is null or length(source) between 1 and 200),
    add column external_key text check (external_key is null or length(external_key) between 1 and 300),
    add constraint listing_blocks_source_key_check check ((source is null) = (external_key is null));

create unique index listing_blocks_external_uq on listing_blocks (listing_id, source, external_key)
    where source is not null and removed_at is null;
