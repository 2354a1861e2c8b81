/**
 * Trust: the guest risk score (0–100, higher = riskier) a realtor sees on a booking, and
 * the realtor score (0–100, higher = better) shown to the realtor, the agency head and
 * the superuser. Both formulas are pure functions
 * ({@link kz.zhilyego.trust.GuestRiskFormula},
 * {@link kz.zhilyego.trust.RealtorScoreFormula}); their inputs come from the owning
 * modules' APIs (booking, review, identity, feedback), never from their tables. The guest
 * never sees a risk score. docs/platform.md "Scores".
 */
@NullMarked
package kz.zhilyego.trust;

import org.jspecify.annotations.NullMarked;
