package kz.zhilyego.notification;

import kz.zhilyego.common.PageResult;

/** Parked (DEAD) outbox messages and the superuser's retry. Callers check the role. */
public interface DeadMessages {

	/** Newest first. */
	PageResult<DeadMessage> list(int page, int size);

	/**
	 * Puts a dead message back in the queue: PENDING, due now, attempts from zero.
	 * @throws kz.zhilyego.common.ProblemException 404 if there is no dead message with
	 * this id
	 */
	void retry(long id);

}
