-- Read contracts between modules (ADR 0003). A table has one owning module, and only the
-- owner's SQL names it. Where another module must join the owner's data in its own SQL
-- (reports, analytics, lists with one round trip), the owner publishes a view with the
-- columns it promises to keep. Other modules only read these views; the owner may change
-- its tables behind them. TableOwnershipTest checks both.

-- catalog: what a stay, a report or a log line shows of a listing
create view listing_facts as
select id, owner_id, status, title, street, house, block, entrance, floor, realtor_phone, check_in_time,
       check_out_time
from listings;

-- booking: stays for the realtor's calendar, analytics and reports
create view stay_facts as
select id, listing_id, owner_id, guest_id, status, check_in, check_out, guests, guest_name, guest_phone,
       guest_email, total, currency, created_at, confirmed_at, cancel_reason, refund_due
from bookings;

-- booking: the realtor blocks in force (removed ones are left out)
create view active_blocks as
select id, listing_id, period, reason, note
from listing_blocks
where removed_at is null;

-- booking: the nights each listing has taken, by a booking or a block
create view occupied_periods as
select listing_id, period, kind
from occupancies;

-- identity: the display name of a person (staff lists, change history)
create view user_names as
select id, name
from users;
