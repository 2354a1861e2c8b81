package kz.zhilyego.chatbot;

import java.util.List;
import java.util.Map;

/**
 * Port of a messenger adapter: delivers replies outside a turn (an expired hold edits its
 * message, a payment edits it again) and answers which message ids the named slots got.
 */
public interface ChatDelivery {

	/** The messenger this adapter serves ({@link ChatKey#messenger()}). */
	String messenger();

	/**
	 * Delivers the replies to the chat in order, waiting for them to go out.
	 * @param slots message ids remembered in the dialog (slot → id), for edits
	 * @return the message ids of slots that new messages filled
	 */
	Map<String, Integer> deliver(ChatKey key, List<Reply> replies, Map<String, Integer> slots);

}
