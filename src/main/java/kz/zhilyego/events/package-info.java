/**
 * Platform events: an append-only record of every domain change
 * ({@code platform_events}), written in the changing transaction, exactly once per change
 * (a natural key per event). Modules describe their own events with a
 * {@link kz.zhilyego.events.PlatformEventMapping} bean; this module records them, serves
 * them to the superuser and to a booking's timeline, and announces each new row
 * ({@link kz.zhilyego.events.PlatformEventRecorded}) after commit for the rule engine,
 * when a {@link kz.zhilyego.events.PlatformEventInterest} wants its type.
 */
@NullMarked
package kz.zhilyego.events;

import org.jspecify.annotations.NullMarked;
