package kz.zhilyego.payment;

import java.time.LocalDate;

/**
 * The daily reconciliation compared a day's payments with the provider. With differences
 * (or payments it could not check) the superusers get a report; the differences wait in
 * the admin queue.
 *
 * @param day the Kazakhstan calendar day compared
 * @param checked payments compared
 * @param differences payments whose state differs between us and the provider
 * @param unchecked payments the provider could not be asked about
 */
public record PaymentsReconciled(LocalDate day, int checked, int differences, int unchecked) {
}
