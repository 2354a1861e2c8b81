package kz.zhilyego.booking;

/** Why a realtor closed dates. */
public enum BlockReason {

	MAINTENANCE, REPAIR, PERSONAL_USE, OTHER

}
