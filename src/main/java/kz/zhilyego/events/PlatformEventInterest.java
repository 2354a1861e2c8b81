package kz.zhilyego.events;

/**
 * Who wants {@link PlatformEventRecorded} for an event type. A module that listens to it
 * provides a bean; the record announces a new row only when one of them wants its type,
 * so an event nobody listens to costs no event publication. Asked in the recording
 * transaction, before the announcement is published.
 */
public interface PlatformEventInterest {

	/**
	 * Whether an event of {@code type}, recorded in the current transaction, is wanted.
	 */
	boolean wants(String type);

}
