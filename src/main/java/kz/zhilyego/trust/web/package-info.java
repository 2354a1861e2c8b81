/**
 * Trust scores over HTTP: the superuser's realtor list sorted and filtered by score, a
 * realtor's own score (JSON).
 */
@NullMarked
package kz.zhilyego.trust.web;

import org.jspecify.annotations.NullMarked;
