package kz.zhilyego.review;

/** Whether a review is shown: PUBLISHED counts towards the rating, HIDDEN does not. */
public enum ReviewStatus {

	PUBLISHED, HIDDEN

}
