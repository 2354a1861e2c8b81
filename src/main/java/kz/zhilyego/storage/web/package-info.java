/**
 * Serves stored media under /media/**.
 */
@NullMarked
package kz.zhilyego.storage.web;

import org.jspecify.annotations.NullMarked;
