package kz.zhilyego.payment.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static kz.zhilyego.payment.internal.Sql.utc;

/**
 * The commissions ledger. Inserting a set twice changes nothing: the unique index on
 * (booking, entry type, refund) makes each entry exist once.
 */
@Repository
public class Ledger {

	private final JdbcClient jdbc;

	Ledger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Books the entries; returns how many were new. */
	public int book(UUID bookingId, UUID paymentId, @Nullable UUID refundId, long ownerId,
			List<LedgerPolicy.Entry> entries, Instant now) {
		int booked = 0;
		for (LedgerPolicy.Entry entry : entries) {
			booked += this.jdbc.sql("""
					insert into ledger_entries (booking_id, payment_id, refund_id, owner_id, entry_type, amount,
					    currency, created_at)
					values (:booking, :payment, :refund, :owner, :type, :amount, :currency, :now)
					on conflict do nothing
					""")
				.param("booking", bookingId)
				.param("payment", paymentId)
				.param("refund", refundId)
				.param("owner", ownerId)
				.param("type", entry.type().name())
				.param("amount", entry.amount().amount())
				.param("currency", entry.amount().currency())
				.param("now", utc(now))
				.update();
		}
		return booked;
	}

	/** Whether the booking's confirmation set was booked for this payment. */
	public boolean hasConfirmation(UUID bookingId, UUID paymentId) {
		return this.jdbc.sql("""
				select count(*) from ledger_entries
				where booking_id = :booking and payment_id = :payment and entry_type = 'GROSS'
				""").param("booking", bookingId).param("payment", paymentId).query(Long.class).single() > 0;
	}

	/** The booking's net amount per entry type (confirmation plus reversals). */
	public BigDecimal net(UUID bookingId, LedgerPolicy.EntryType type, LedgerPolicy.EntryType reversal) {
		return this.jdbc.sql("""
				select coalesce(sum(amount), 0) from ledger_entries
				where booking_id = :booking and entry_type in (:types)
				""")
			.param("booking", bookingId)
			.param("types", List.of(type.name(), reversal.name()))
			.query(BigDecimal.class)
			.single();
	}

}
