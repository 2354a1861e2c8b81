package kz.zhilyego.identity;

/**
 * Roles of signed-in people. A guest is anonymous and has none. A super admin heads one
 * agency; a superuser owns the platform.
 */
public enum Role {

	USER, REALTOR, SUPER_ADMIN, SUPERUSER

}
