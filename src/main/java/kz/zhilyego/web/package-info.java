/**
 * The guest web site: server-rendered pages (Thymeleaf + htmx) for search, listing pages,
 * the booking wizard with payment, the guest cabinet ({@code /account/**}), favorites,
 * SEO files ({@code sitemap.xml}, {@code robots.txt}) and the styled error pages. It is a
 * channel only: every change goes through the application services of catalog, booking,
 * payment, identity, notification and favorite; nothing here writes to the database.
 */
@NullMarked
package kz.zhilyego.web;

import org.jspecify.annotations.NullMarked;
