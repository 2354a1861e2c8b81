@NullMarked
package kz.zhilyego.events.internal;

import org.jspecify.annotations.NullMarked;
