package kz.zhilyego.notification;

import java.util.Map;

/**
 * Port: resolves secret template parameters (access codes) at send time, so they are
 * never stored in the outbox. Implemented outside this module (the integration knows the
 * booking status and the access rules); without an implementation a message with a
 * {@code secretRef} is sent without its codes section.
 * <p>
 * Known keys the templates show: {@code intercomCode}, {@code flatCode},
 * {@code safeCode}. Return an empty map when the recipient may not see codes now (wrong
 * person, booking not CONFIRMED or CHECKED_IN). Values appear only in message bodies;
 * never in subjects, logs or database rows. Not called for {@link Channel#IN_APP} (the
 * inbox is stored) nor for messages without a recipient user id.
 */
public interface SecretParams {

	/**
	 * @param secretRef the reference stored with the message, e.g. {@code booking:<uuid>}
	 * @param recipientUserId the person the message goes to
	 * @param channel the channel it goes through
	 * @return extra parameters for the body, possibly empty; never null
	 */
	Map<String, String> resolve(String secretRef, long recipientUserId, Channel channel);

}
