/**
 * HTTP endpoints of the feedback module: the guest's one-click feedback page, the
 * realtor's follow-ups, feedback analytics and review sites (API and workspace pages).
 */
@NullMarked
package kz.zhilyego.feedback.web;

import org.jspecify.annotations.NullMarked;
