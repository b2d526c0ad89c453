package simdae.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The library's version, as built. */
public final class Version {
    private static final String VALUE = read();

    private Version() {
    }

    /** E.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} when run from unfiltered sources. */
    public static String get() {
        return VALUE;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
