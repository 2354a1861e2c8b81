/**
 * Catalog's HTTP API: the public search, listing and quote endpoints (JSON).
 */
@NullMarked
package kz.zhilyego.catalog.web;

import org.jspecify.annotations.NullMarked;
