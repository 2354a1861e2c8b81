/**
 * HTTP endpoints of the channel module: connections and their signed booking webhook, a
 * listing's iCal export feed and imports (API and the realtor's workspace pages).
 */
@NullMarked
package kz.zhilyego.channel.web;

import org.jspecify.annotations.NullMarked;
