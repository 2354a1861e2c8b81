package kz.zhilyego.platform;

/**
 * The application's version from the jar manifest ({@code dev} when run from classes).
 */
final class ZhilyeGoVersion {

	private ZhilyeGoVersion() {
	}

	static String current() {
		String version = ZhilyeGoVersion.class.getPackage().getImplementationVersion();
		return "zhilyego@" + (version != null ? version : "dev");
	}

}
