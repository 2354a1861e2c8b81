/**
 * Web plumbing shared by every module: RFC 9457 problem answers, request ids, trusted
 * proxies, body and host checks, locale.
 */
@NullMarked
package kz.zhilyego.common.web;

import org.jspecify.annotations.NullMarked;
