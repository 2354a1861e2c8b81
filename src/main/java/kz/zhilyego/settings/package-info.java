/**
 * Platform settings the superuser changes at run time (commission and provider fee, the
 * guest cancellation policy, the hold, listing moderation, photo limit, review stop
 * words, staff 2FA and sign-in addresses). Owns {@code platform_settings}; the deployment
 * properties stay the defaults. Depends on nothing but {@code common}, so every module
 * may read it; the admin module writes it (and audits the change).
 */
@NullMarked
package kz.zhilyego.settings;

import org.jspecify.annotations.NullMarked;
