package kz.zhilyego.payment.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Attempts the automatic refund a settlement created, right after the settling
 * transaction commits (never before, and not at all when it rolls back), in the thread
 * that settled: the sandbox return page, the callback's answer and the admin's "confirm
 * as paid" see the refund's outcome at once. The committed transaction is set aside
 * (NOT_SUPPORTED); {@link ExecuteRefunds#attempt} runs each of its steps in a transaction
 * of its own and calls the provider outside any. A failed attempt loses nothing: the
 * refund row is already committed and PENDING (or scheduled for a retry), and the
 * retry-refunds job attempts it again.
 * <p>
 * Not an {@code @ApplicationModuleListener}: that one runs asynchronously here (Spring
 * Modulith enables {@code @Async}), and the refund is part of answering the caller.
 */
@Component
class RefundAttempts {

	private static final Logger log = LoggerFactory.getLogger(RefundAttempts.class);

	private final ExecuteRefunds refunds;

	RefundAttempts(ExecuteRefunds refunds) {
		this.refunds = refunds;
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void on(RefundRequested event) {
		try {
			this.refunds.attempt(event.refundId());
		}
		catch (RuntimeException ex) {
			log.error("Refund {} attempt broke after its settlement committed; the retry job attempts it again",
					event.refundId(), ex);
		}
	}

}
