package kz.zhilyego.events;

/**
 * A platform event was stored (published in the same transaction, so listeners such as
 * the rule engine see it after commit, and only then). Published only for a type that a
 * {@link PlatformEventInterest} wants: a module listening to it provides one.
 */
public record PlatformEventRecorded(long eventId, String type, String subjectType, String subjectId) {
}
