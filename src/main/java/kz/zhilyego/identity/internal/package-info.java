/**
 * Identity's internals: accounts, passwords, tokens, lockouts, secrets and start-up
 * checks; other modules use the identity API at the module root.
 */
@NullMarked
package kz.zhilyego.identity.internal;

import org.jspecify.annotations.NullMarked;
