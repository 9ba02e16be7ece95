package dev.stagecheck.demo;

/**
 * The fixed secrets of the demo site. They are public on purpose: the demo exists so the kit
 * can prove it logs in, passes Basic and Digest auth and sends API keys without ever printing them.
 */
public final class DemoCredentials {

    public static final String MEMBER_EMAIL = "member@demo.test";
    public static final String MEMBER_PASSWORD = "Member-Pa55!demo";
    /** The staff member, who may open {@code /members/staff} (the member may not: the access matrix's 403). */
    public static final String STAFF_EMAIL = "staff@demo.test";
    public static final String STAFF_PASSWORD = "St4ff-Pa55!demo";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "Adm1n-Secret!demo";
    /** The partner login of the Digest area {@code /reports/}. */
    public static final String REPORTS_USER = "partner";
    public static final String REPORTS_PASSWORD = "Rep0rts-Digest!demo";
    public static final String API_KEY = "demo-key-5c1f9e2b7a";
    /** The stock API's partner credentials, {@code user:password} as an Application Password is. */
    public static final String STOCK_CREDENTIALS = "partner:stock-7d2a-91fe";

    private DemoCredentials() {
    }
}
