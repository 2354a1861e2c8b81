/**
 * Notifications: a transactional outbox ({@link kz.zhilyego.notification.Notifications})
 * written in the caller's business transaction and sent by a cluster-safe dispatcher over
 * e-mail, Telegram, WhatsApp and the in-app inbox, with retries, exponential backoff and
 * dead parking; messages are rendered at send time in the recipient's language, access
 * codes are resolved at send time through {@link kz.zhilyego.notification.SecretParams}
 * and never stored; per-user settings per kind and channel; a generic reminder schedule
 * that calls {@link kz.zhilyego.notification.ReminderHandler} when a reminder is due.
 * Unconfigured channels capture messages for the development mail catcher.
 */
@NullMarked
package kz.zhilyego.notification;

import org.jspecify.annotations.NullMarked;
