/**
 * Payment providers behind PaymentGateway: Kaspi QR and the sandbox.
 */
@NullMarked
package kz.zhilyego.payment.adapter;

import org.jspecify.annotations.NullMarked;
