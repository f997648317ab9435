package io.tenantry.adapters.persistence;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Connection URLs as they may be logged or shown: JDBC, Redis and HTTP URLs can carry a password in their user
 * part ({@code redis://:pw@host}, {@code http://user:pw@host}) or in a parameter ({@code ?password=pw}), and a log
 * line or an error message must not.
 */
public final class ConnectionUrls {

    /** The authority of each URL in the text (a list such as {@code acme=jdbc:...,globex=jdbc:...} has several). */
    private static final Pattern AUTHORITY = Pattern.compile("//([^/?#,]*)");
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)((?:password|passwd|pwd|token|secret|key|sig|signature)=)[^&,;]*");

    private ConnectionUrls() {
    }

    /** {@code url} with the password of its user part and the values of secret parameters as {@code ****}. */
    public static String redacted(String url) {
        Matcher authority = AUTHORITY.matcher(url);
        StringBuilder out = new StringBuilder();
        while (authority.find()) {
            String hostPart = authority.group(1);
            int at = hostPart.lastIndexOf('@');
            String masked = hostPart;
            if (at >= 0) {
                String user = hostPart.substring(0, at);
                int colon = user.indexOf(':');
                masked = (colon >= 0 ? user.substring(0, colon + 1) + "****" : user) + hostPart.substring(at);
            }
            authority.appendReplacement(out, Matcher.quoteReplacement("//" + masked));
        }
        authority.appendTail(out);
        return SECRET_PARAMETER.matcher(out).replaceAll("$1****");
    }
}
