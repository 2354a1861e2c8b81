package kz.zhilyego.notification;

import java.util.List;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox: write messages in the same transaction as the business change that causes
 * them. Nothing leaves the process here; the dispatcher sends committed messages later,
 * with retries. A rolled-back transaction sends nothing.
 */
public interface Notifications {

	/**
	 * Writes one message to the outbox inside the caller's transaction (there must be
	 * one). A message whose dedup key was enqueued before is silently ignored, so a
	 * repeated event never sends twice. If the recipient turned this kind off for this
	 * channel the message is recorded as SKIPPED and not sent.
	 * @return true if the message will be sent; false for a duplicate or a disabled
	 * setting
	 * @throws org.springframework.transaction.IllegalTransactionStateException without a
	 * transaction
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean enqueue(OutgoingMessage message);

}
