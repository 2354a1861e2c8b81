package kz.zhilyego.notification;

import java.util.Map;

import org.jspecify.annotations.Nullable;

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

	/**
	 * The same, knowing the address the message goes to (an e-mail address, a phone
	 * number, a chat id), for parameters that may only go to an address the recipient's
	 * account holds; by default the address does not matter.
	 * @param address where the message goes; null when the channel has none
	 */
	default Map<String, String> resolve(String secretRef, long recipientUserId, Channel channel,
			@Nullable String address) {
		return resolve(secretRef, recipientUserId, channel);
	}

}
