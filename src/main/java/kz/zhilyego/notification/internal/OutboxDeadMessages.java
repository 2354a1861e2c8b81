package kz.zhilyego.notification.internal;

import kz.zhilyego.common.PageResult;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.notification.DeadMessage;
import kz.zhilyego.notification.DeadMessages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class OutboxDeadMessages implements DeadMessages {

	private final Outbox outbox;

	OutboxDeadMessages(Outbox outbox) {
		this.outbox = outbox;
	}

	@Override
	@Transactional(readOnly = true)
	public PageResult<DeadMessage> list(int page, int size) {
		return this.outbox.dead(Math.max(page, 0), Math.min(Math.max(size, 1), 100));
	}

	@Override
	@Transactional
	public void retry(long id) {
		if (!this.outbox.retryDead(id)) {
			throw ProblemException.notFound("notification.dead.notFound");
		}
	}

}
