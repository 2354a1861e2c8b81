package kz.zhilyego.events;

/**
 * A platform event was stored (published in the same transaction, so listeners such as
 * the rule engine see it after commit, and only then).
 */
public record PlatformEventRecorded(long eventId, String type, String subjectType, String subjectId) {
}
