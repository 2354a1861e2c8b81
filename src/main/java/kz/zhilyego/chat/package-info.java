/**
 * The booking chat between a guest and the listing's realtor (issue 18, item 7), behind
 * the {@code booking-chat} feature flag: per booking, open from the hold until 14 days
 * after check-out (then read-only); text and photos; read receipts and unread counts per
 * participant; notifications by e-mail, Telegram and in-app through the outbox (one per
 * burst), with a reply from Telegram landing in the same chat; soft delete by the author,
 * audited; contacts masked before the booking is paid. The agency head and the superuser
 * read within their scope (the booking's access scope); anyone else gets a 404. Publishes
 * {@link kz.zhilyego.chat.ChatMessagePosted}. Owns {@code booking_chats},
 * {@code booking_chat_messages} and {@code booking_chat_reads}.
 */
@NullMarked
package kz.zhilyego.chat;

import org.jspecify.annotations.NullMarked;
