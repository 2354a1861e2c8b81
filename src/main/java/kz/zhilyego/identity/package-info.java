/**
 * Identity and access: users, roles and agencies, sign-in (web session, API tokens,
 * Telegram), and the access scope every other module uses to decide who may see and do
 * what.
 */
@NullMarked
package kz.zhilyego.identity;

import org.jspecify.annotations.NullMarked;
