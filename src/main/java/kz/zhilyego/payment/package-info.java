/**
 * Payment: payment sessions at a provider (the sandbox by default, Kaspi QR in
 * production) behind the {@link kz.zhilyego.payment.PaymentGateway} port, verified and
 * idempotent provider callbacks, status polling, refunds with retries, and the
 * commissions ledger (gross, platform commission, gateway fee, realtor payout). A hold
 * becomes a confirmed booking only through {@code booking.ConfirmPayment}, called here
 * for every successful payment; money that cannot confirm its booking goes back
 * automatically.
 */
@NullMarked
package kz.zhilyego.payment;

import org.jspecify.annotations.NullMarked;
