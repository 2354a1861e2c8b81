/**
 * Reviews' HTTP API: writing, listing, complaints, replies and moderation (JSON).
 */
@NullMarked
package kz.zhilyego.review.web;

import org.jspecify.annotations.NullMarked;
