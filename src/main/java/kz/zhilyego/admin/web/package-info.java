/**
 * The superuser's panel: HTML pages under {@code /admin} and the admin JSON API under
 * {@code /api/v1/admin}.
 */
@NullMarked
package kz.zhilyego.admin.web;

import org.jspecify.annotations.NullMarked;
