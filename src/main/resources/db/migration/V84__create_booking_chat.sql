-- The booking chat (issue 18, item 7), owned by the chat module. One chat per booking
-- between its guest and the listing's realtor (who they were when the chat started).
create table booking_chats (
    booking_id uuid        primary key references bookings (id),
    guest_id   bigint      not null,
    realtor_id bigint      not null,
    created_at timestamptz not null
);
create index booking_chats_realtor on booking_chats (realtor_id);

-- Messages: text (masked before payment, then stored only masked), a photo (a private
-- storage key), or both. Deletion is soft and by the author; the audit log has who/when.
create table booking_chat_messages (
    id          bigserial   primary key,
    booking_id  uuid        not null references booking_chats (booking_id),
    author_id   bigint      not null,
    author_side text        not null check (author_side in ('GUEST', 'REALTOR')),
    body        text        check (length(body) between 1 and 2000),
    masked      boolean     not null default false,
    photo_key   text,
    photo_type  text,
    photo_size  integer,
    via         text        not null check (via in ('WEB', 'API', 'TELEGRAM')),
    created_at  timestamptz not null,
    deleted_at  timestamptz,
    deleted_by  bigint,
    check (body is not null or photo_key is not null)
);
create index booking_chat_messages_page on booking_chat_messages (booking_id, id);
create index booking_chat_messages_side on booking_chat_messages (booking_id, author_side, created_at);

-- Per participant: the last message read (read receipts, unread counts) and the last
-- notice sent (one notice per burst).
create table booking_chat_reads (
    booking_id   uuid        not null references booking_chats (booking_id),
    user_id      bigint      not null,
    last_read_id bigint      not null default 0,
    read_at      timestamptz,
    notified_at  timestamptz,
    primary key (booking_id, user_id)
);
