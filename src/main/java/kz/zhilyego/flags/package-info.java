/**
 * Feature flags: switches to roll new behaviour out safely. A flag is on for everyone, or
 * for roles, listed users and agencies, and a stable percentage of users. Evaluated in
 * one place ({@link kz.zhilyego.flags.FeatureFlags#isOn}) from a copy on each node that
 * is labelled with the flags' version in the database, so a change is in force on every
 * node at the next evaluation (ADR 0006's scheme). The superuser manages flags
 * ({@link kz.zhilyego.flags.FeatureFlagAdmin}, {@code /api/v1/admin/feature-flags} and
 * {@code /admin/feature-flags}); every change is audited. Owns {@code feature_flags} and
 * {@code feature_flag_versions}; depends on {@code identity} (roles, audit) and
 * {@code common}.
 */
@NullMarked
package kz.zhilyego.flags;

import org.jspecify.annotations.NullMarked;
