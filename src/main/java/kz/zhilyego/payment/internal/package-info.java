/**
 * Payments' internals: settlement, polling, refunds, reconciliation, the ledger and
 * settings checks.
 */
@NullMarked
package kz.zhilyego.payment.internal;

import org.jspecify.annotations.NullMarked;
