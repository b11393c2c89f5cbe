package dev.hpo.storage.jdbc;

import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * JDBC URLs as hpo shows and completes them: every message names the URL with its password masked, and the
 * credentials not written in the URL may come from the environment.
 */
public final class JdbcUrls {

    /** Environment variable with the database user, used when the URL names none. */
    public static final String USER_ENV = "HPO_DB_USER";
    /** Environment variable with the database password, used when the URL has none. */
    public static final String PASSWORD_ENV = "HPO_DB_PASSWORD";

    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@?&;]+:)[^@/]*@");
    private static final Pattern USER_PARAM = Pattern.compile("(?i)[?&;]user=");

    private JdbcUrls() {
    }

    /** The URL with any password ({@code password=…} or {@code //user:secret@host}) replaced by {@code ***}. */
    public static String redact(String url) {
        String out = PASSWORD_PARAM.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(out).replaceAll("$1***@");
    }

    /**
     * Connection properties for a URL: {@code user} and {@code password} from {@value #USER_ENV} and
     * {@value #PASSWORD_ENV} when set and the URL does not carry them itself (what the URL says wins).
     */
    public static Properties credentials(String url, Map<String, String> env) {
        Properties props = new Properties();
        boolean urlHasUser = USER_PARAM.matcher(url).find() || USER_INFO.matcher(url).find();
        String user = env.get(USER_ENV);
        if (user != null && !user.isEmpty() && !urlHasUser) {
            props.setProperty("user", user);
        }
        String password = env.get(PASSWORD_ENV);
        if (password != null && !PASSWORD_PARAM.matcher(url).find() && !USER_INFO.matcher(url).find()) {
            props.setProperty("password", password);
        }
        return props;
    }
}
