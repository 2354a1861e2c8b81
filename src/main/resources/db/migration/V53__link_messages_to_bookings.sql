-- Message history (docs/notifications.md): every outbox message names the booking it is about,
-- so a booking's messages are one index read. Owner: notification.
alter table notification_outbox add column booking_id uuid;

update notification_outbox
set booking_id = (params ->> 'bookingId')::uuid
where params ->> 'bookingId' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

create index notification_outbox_booking_history_idx on notification_outbox (booking_id, created_at, id)
    where booking_id is not null;
create index notification_outbox_created_idx on notification_outbox (created_at desc, id desc);
