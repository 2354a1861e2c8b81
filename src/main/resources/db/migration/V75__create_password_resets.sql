-- Password resets: a reset link carries a random single-use token that expires. The token is
-- checked by its SHA-256 (token_hash). Until the message with the link is sent it is also kept
-- sealed with the access-code key (AES-256-GCM, never in clear), because messages are
-- rendered when they are sent; the sealed copy is erased once the link is used or replaced,
-- and an expired token is refused whatever is stored.
create table password_resets (
    id           bigserial   primary key,
    user_id      bigint      not null references users (id) on delete cascade,
    token_hash   text        not null unique,
    sealed_token text,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    used_at      timestamptz,
    check (expires_at > created_at)
);

create index password_resets_user_idx on password_resets (user_id, created_at desc, id desc);

-- Messages about one booking (a paid booking clears its "payment failed" notices).
create index notification_outbox_booking_idx on notification_outbox ((params ->> 'bookingId'), kind)
    where params ? 'bookingId';
