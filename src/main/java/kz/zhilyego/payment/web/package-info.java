/**
 * Payments' HTTP side: payment starts, provider webhooks, the sandbox page (dev and test
 * only) and the admin payment queue API.
 */
@NullMarked
package kz.zhilyego.payment.web;

import org.jspecify.annotations.NullMarked;
