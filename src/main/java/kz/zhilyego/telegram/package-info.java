/**
 * The Telegram channel: updates in (webhook {@code POST /telegram/webhook} with its
 * secret header, or long polling), each stored once by {@code update_id} and processed in
 * order per chat (a lease per chat, so two nodes never work on one chat at once); the one
 * outgoing Bot API client (TelegramBots types, global and per-chat rate limits,
 * {@code retry_after}, blocked chats); the rendering of the messenger-neutral dialogs of
 * {@link kz.zhilyego.chatbot} into Telegram messages; inline buttons on the platform's
 * notifications; the dev chat simulator ({@code /dev/telegram}). No core module depends
 * on it.
 */
@NullMarked
package kz.zhilyego.telegram;

import org.jspecify.annotations.NullMarked;
