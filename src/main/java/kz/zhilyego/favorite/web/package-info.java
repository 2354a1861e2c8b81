/**
 * Favorites' JSON API.
 */
@NullMarked
package kz.zhilyego.favorite.web;

import org.jspecify.annotations.NullMarked;
