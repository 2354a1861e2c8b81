/**
 * Identity's HTTP side: sign-in, tokens, profile, two-factor, invitations, admin user API
 * and pages.
 */
@NullMarked
package kz.zhilyego.identity.web;

import org.jspecify.annotations.NullMarked;
