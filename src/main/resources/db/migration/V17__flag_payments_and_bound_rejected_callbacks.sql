-- A callback that disagrees with its payment (amount, currency, no amount) never marks it
-- PAID: the payment keeps its status and is flagged for a person with the reason.
alter table payments
    add column review_reason     text,
    add column review_flagged_at timestamptz;

create index payments_flagged_idx on payments (review_flagged_at, id) where review_reason is not null;

-- Rejected callbacks (bad signature) are kept cut to a bounded prefix, with the size that
-- arrived, and only for a retention period (the purge-rejected-callbacks job).
alter table payment_events
    add column body_size integer;

create index payment_events_rejected_idx on payment_events (received_at) where not signature_valid;
