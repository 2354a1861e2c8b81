/**
 * File storage for photos and exports: a port ({@link kz.zhilyego.storage.FileStorage})
 * with a local-filesystem adapter by default, and the public {@code /media/**} endpoint.
 */
@NullMarked
package kz.zhilyego.storage;

import org.jspecify.annotations.NullMarked;
