-- The Telegram bot (modules chatbot and telegram, docs/telegram.md).

-- chatbot: where each chat is in a dialog (search, booking, ...), one row per messenger chat.
create table chat_dialogs (
    messenger   text        not null,
    chat_id     bigint      not null,
    user_id     bigint      references users (id),
    language    text,
    state       jsonb       not null default '{}',
    updated_at  timestamptz not null,
    primary key (messenger, chat_id)
);
create index chat_dialogs_user_idx on chat_dialogs (user_id) where user_id is not null;

-- telegram: every update received, once (update_id is Telegram's own, unique per bot).
create table telegram_updates (
    update_id    bigint      primary key,
    chat_id      bigint      not null,
    payload      text        not null,
    received_at  timestamptz not null,
    processed_at timestamptz,
    error        text
);
create index telegram_updates_pending_idx on telegram_updates (chat_id, update_id) where processed_at is null;

-- telegram: per chat, which node works on it (a lease, so updates of one chat run in order)
-- and whether the chat still accepts messages (403 "blocked by the user").
create table telegram_chats (
    chat_id      bigint      primary key,
    lease_owner  text,
    lease_until  timestamptz,
    blocked_at   timestamptz
);

-- telegram: update ids of the dev chat simulator, above any real one (Telegram ids fit in 52 bits).
create sequence telegram_simulated_update_ids start with 4503599627370496;
