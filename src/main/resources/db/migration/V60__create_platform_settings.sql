-- Platform settings the superuser edits (module settings, docs/admin.md). One row. A null
-- column means "the deployment property's value" (zhilyego.booking.*, zhilyego.realtor.*,
-- zhilyego.identity.*): properties stay the defaults, the row holds what the superuser set.
create table platform_settings (
    id                          smallint      primary key check (id = 1),
    platform_commission_percent numeric(5, 2) check (platform_commission_percent between 0 and 50),
    provider_fee_percent        numeric(5, 2) check (provider_fee_percent between 0 and 10),
    full_refund_before_hours    integer       check (full_refund_before_hours between 1 and 720),
    partial_refund_before_hours integer       check (partial_refund_before_hours between 0 and 720),
    partial_refund_percent      numeric(5, 2) check (partial_refund_percent between 0 and 100),
    hold_minutes                integer       check (hold_minutes between 5 and 120),
    listing_moderation          boolean,
    max_photos                  integer       check (max_photos between 1 and 30),
    -- words that hide a review for the superuser to look at (besides the built-in list)
    review_stop_words           text[],
    staff_two_factor_required   boolean,
    -- IP addresses / CIDR ranges staff may sign in from; empty array = anywhere
    staff_ip_allow_list         text[],
    version                     bigint        not null default 0,
    updated_at                  timestamptz,
    updated_by                  bigint        references users (id)
);

insert into platform_settings (id) values (1);

-- Each booking keeps the rules it was made under: commission, provider fee and the hold
-- were stored already; the guest cancellation policy is stored from now on (the hold path
-- always writes it). Bookings made before this migration were made under the property
-- defaults of that time, which the column defaults repeat.
alter table bookings
    add column full_refund_before_hours    integer       not null default 24,
    add column partial_refund_before_hours integer       not null default 12,
    add column partial_refund_percent      numeric(5, 2) not null default 50;
