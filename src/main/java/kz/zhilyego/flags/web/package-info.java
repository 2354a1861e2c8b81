/**
 * The superuser's feature flag API ({@code /api/v1/admin/feature-flags}) and page
 * ({@code /admin/feature-flags}).
 */
@NullMarked
package kz.zhilyego.flags.web;

import org.jspecify.annotations.NullMarked;
