/**
 * Favorites: the listings a user saved, kept in the database so that every channel (the
 * web site, the JSON API, later the Telegram bot) shows the same list. Only active
 * listings can be added; a listing that later becomes inactive stays in the list and is
 * shown as unavailable.
 */
@NullMarked
package kz.zhilyego.favorite;

import org.jspecify.annotations.NullMarked;
