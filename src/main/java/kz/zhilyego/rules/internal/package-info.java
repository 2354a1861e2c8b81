@NullMarked
package kz.zhilyego.rules.internal;

import org.jspecify.annotations.NullMarked;
