/**
 * Implementation of the notification module: the outbox table and its dispatcher, the
 * renderer, the channel adapters (SMTP, Telegram Bot API, WhatsApp Cloud API, in-app, and
 * the capturing adapter used when a channel is not configured), settings, inbox and
 * reminders.
 */
@NullMarked
package kz.zhilyego.notification.internal;

import org.jspecify.annotations.NullMarked;
