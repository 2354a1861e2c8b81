/**
 * The platform owner's administration: global analytics from the ledger, the platform,
 * agency and realtor reports (CSV, XLSX, PDF) and the monthly report job, the platform
 * settings, dictionaries and listing moderation as the superuser uses them, the problems
 * page (entries every module reports, {@link kz.zhilyego.common.AttentionSource}), and a
 * user's activity history. Owns {@code monthly_reports}; every change it makes is
 * audited. Nothing depends on this module.
 */
@NullMarked
package kz.zhilyego.admin;

import org.jspecify.annotations.NullMarked;
