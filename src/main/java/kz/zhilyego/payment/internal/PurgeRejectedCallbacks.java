package kz.zhilyego.payment.internal;

import java.time.Clock;
import java.time.Instant;

import kz.zhilyego.payment.PaymentProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Forgets callbacks with a bad signature after {@code rejected-callbacks.retention}. Run
 * by the {@code purge-rejected-callbacks} job on one node at a time; deletes in batches
 * so a flood of forged callbacks never becomes one long transaction.
 */
@Service
public class PurgeRejectedCallbacks {

	private static final Logger log = LoggerFactory.getLogger(PurgeRejectedCallbacks.class);

	private static final int BATCH = 1_000;

	private final ProviderCallbacks callbacks;

	private final PaymentProperties properties;

	private final Clock clock;

	PurgeRejectedCallbacks(ProviderCallbacks callbacks, PaymentProperties properties, Clock clock) {
		this.callbacks = callbacks;
		this.properties = properties;
		this.clock = clock;
	}

	/** Deletes every rejected callback older than the retention; returns how many. */
	public int purge() {
		Instant cutoff = this.clock.instant().minus(this.properties.rejectedCallbacks().retention());
		int total = 0;
		int deleted;
		do {
			deleted = this.callbacks.purgeRejected(cutoff, BATCH);
			total += deleted;
		}
		while (deleted == BATCH);
		if (total > 0) {
			log.info("Deleted {} rejected payment callbacks received before {}", total, cutoff);
		}
		return total;
	}

}
