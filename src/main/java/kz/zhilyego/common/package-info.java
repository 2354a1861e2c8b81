/**
 * Small, boring building blocks every module may use: money, time zone, the
 * problem-details error format and its exceptions, and the request locale.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package kz.zhilyego.common;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
