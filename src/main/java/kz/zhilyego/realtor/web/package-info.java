/**
 * The realtor workspace: HTML pages and its JSON API.
 */
@NullMarked
package kz.zhilyego.realtor.web;

import org.jspecify.annotations.NullMarked;
