/**
 * HTTP endpoints of the notification module: the signed-in user's inbox and settings, the
 * superuser's dead-message list, and the development mail catcher page.
 */
@NullMarked
package kz.zhilyego.notification.web;

import org.jspecify.annotations.NullMarked;
