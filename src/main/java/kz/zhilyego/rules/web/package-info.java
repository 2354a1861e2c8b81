@NullMarked
package kz.zhilyego.rules.web;

import org.jspecify.annotations.NullMarked;
