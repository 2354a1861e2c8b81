/**
 * Feedback after the stay: for every completed stay (booked here or elsewhere) a 1–5
 * rating in one tap — Telegram buttons or one-click links in the e-mail — asked a
 * configurable time after check-out and only between 10:00 and 21:00 in Astana, with at
 * most one reminder; happy guests get the public review sites of the listing or agency,
 * the others "what could we do better?", whose answer becomes a follow-up for the realtor
 * with a 24-hour response target. Scheduled per booking on the notification module's
 * reminders, sent through its outbox.
 */
@NullMarked
package kz.zhilyego.feedback;

import org.jspecify.annotations.NullMarked;
