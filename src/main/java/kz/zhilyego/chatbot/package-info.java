/**
 * Messenger-neutral chat dialogs on the booking core: registration by phone contact,
 * search in one edited panel, a listing, booking (dates, night-by-night quote, house
 * rules, hold, payment), my bookings, favorites, language, and the realtor's tools
 * (bookings with check-in/out, listings on/off, stats). Dialog state lives in PostgreSQL
 * ({@code chat_dialogs}). A messenger adapter ({@code telegram} today, a WhatsApp one
 * later) turns its updates into {@link kz.zhilyego.chatbot.ChatInput}s, delivers the
 * {@link kz.zhilyego.chatbot.Reply}s and implements
 * {@link kz.zhilyego.chatbot.ChatDelivery} for messages outside a turn. No core module
 * depends on this one.
 */
@NullMarked
package kz.zhilyego.chatbot;

import org.jspecify.annotations.NullMarked;
