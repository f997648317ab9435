package io.tenantry.bootstrap;

import io.tenantry.adapters.persistence.ConnectionUrls;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every setting Tenantry reads (README.md, Configuration, documents each): so that a mistyped one is a warning
 * naming the closest known key rather than a setting silently ignored, and so that {@code tenantry config} can show
 * them all with their secrets masked. {@code ConfigKeysTest} holds the list to what the code reads and what the
 * README documents.
 */
final class ConfigKeys {

    private static final List<String> SINGLE = List.of(
            "TENANTRY_CONFIG", "TENANTRY_HTTP_HOST", "TENANTRY_HTTP_PORT",
            "TENANTRY_DB_URL", "TENANTRY_DB_USER", "TENANTRY_DB_PASSWORD", "TENANTRY_DB_APP_USER",
            "TENANTRY_DB_APP_PASSWORD", "TENANTRY_DB_BYPASS_USER", "TENANTRY_DB_BYPASS_PASSWORD",
            "TENANTRY_DB_CREATE_ROLES", "TENANTRY_DB_MIGRATE", "TENANTRY_DB_ALLOW_UNPATCHED_SERVER",
            "TENANTRY_DB_POOL_SIZE", "TENANTRY_DB_BYPASS_POOL_SIZE", "TENANTRY_DB_MAX_CONNECTIONS",
            "TENANTRY_DB_CHECKOUT_MILLIS", "TENANTRY_METRICS_LATENCY_BUCKETS_MILLIS",
            "TENANTRY_DEDICATED_DATABASES", "TENANTRY_DEDICATED_POOL_SIZE", "TENANTRY_DEDICATED_MAX_OPEN",
            "TENANTRY_DATA_DIR", "TENANTRY_JWT_ALGORITHM", "TENANTRY_JWT_SECRET", "TENANTRY_JWT_PUBLIC_KEYS",
            "TENANTRY_JWT_ISSUER", "TENANTRY_JWT_AUDIENCE", "TENANTRY_JWT_LEEWAY_SECONDS",
            "TENANTRY_JWT_MAX_LIFETIME_SECONDS", "TENANTRY_REDIS_URL", "TENANTRY_REDIS_TIMEOUT_MILLIS",
            "TENANTRY_REDIS_OUTAGE_MODE", "TENANTRY_EXPECTED_INSTANCES", "TENANTRY_LIMIT_WINDOW_SECONDS",
            "TENANTRY_MAX_JSON_BYTES", "TENANTRY_MAX_FILE_BYTES", "TENANTRY_STORAGE_DIR", "TENANTRY_UPLOADS_PER_TENANT",
            "TENANTRY_UPLOADS_MAX", "TENANTRY_S3_ENDPOINT", "TENANTRY_S3_BUCKET", "TENANTRY_S3_PREFIX",
            "TENANTRY_S3_REGION", "TENANTRY_S3_ACCESS_KEY", "TENANTRY_S3_SECRET_KEY", "TENANTRY_TENANT_CACHE_MILLIS",
            "TENANTRY_WEBHOOK_URL", "TENANTRY_PLATFORM_TENANT", "TENANTRY_DEMO", "TENANTRY_DRAIN_SECONDS",
            "TENANTRY_READINESS_GRACE_MILLIS", "TENANTRY_LOG_LEVEL", "TENANTRY_LOG_FORMAT");

    /** The settings that come once per tier, {@code %s} standing for {@code FREE}, {@code PRO} or {@code ENTERPRISE}. */
    private static final List<String> PER_TIER = List.of(
            "TENANTRY_DB_CONCURRENCY_%s", "TENANTRY_STATEMENT_TIMEOUT_%s_MILLIS", "TENANTRY_LIMIT_%s",
            "TENANTRY_LIMIT_ORDERS_PLACE_%s", "TENANTRY_LIMIT_FILES_STORE_%s", "TENANTRY_QUOTA_%s_BYTES",
            "TENANTRY_QUOTA_%s_FILES");

    /** The variables of the test suite, which a test run passes on to the processes it starts. */
    private static final String TEST_PREFIX = "TENANTRY_TEST_";

    static final Set<String> KNOWN = known();

    /** Key words of settings whose value is shown as {@code ****}. */
    private static final List<String> SECRET_WORDS = List.of("PASSWORD", "SECRET", "ACCESS_KEY");

    /** A single mistyped character is a typo; a name further from every known one is not one of ours misspelt. */
    private static final int MOST_EDITS = 4;

    private ConfigKeys() {
    }

    private static Set<String> known() {
        Set<String> keys = new TreeSet<>(SINGLE);
        for (String tier : List.of("FREE", "PRO", "ENTERPRISE")) {
            PER_TIER.forEach(pattern -> keys.add(pattern.formatted(tier)));
        }
        return Set.copyOf(keys);
    }

    /**
     * What Kubernetes sets for a Service whose name starts with {@code tenantry} (service links): its address and
     * ports, not a setting of ours. A bare {@code ..._PORT} counts only with a {@code tcp://}-like value.
     */
    private static final Pattern SERVICE_LINK = Pattern.compile(
            "TENANTRY_(?:[A-Z0-9_]+_)?(?:SERVICE_HOST|SERVICE_PORT(?:_[A-Z0-9_]+)?|PORT_\\d+_(?:TCP|UDP|SCTP)(?:_[A-Z]+)?)");
    private static final Pattern SERVICE_LINK_PORT = Pattern.compile("(?:tcp|udp|sctp)://.*");

    /** One warning per {@code TENANTRY_*} setting that Tenantry does not read, naming the closest known key. */
    static List<String> unknown(Map<String, String> given) {
        return given.keySet().stream().filter(key -> key.startsWith("TENANTRY_") && !key.startsWith(TEST_PREFIX))
                .filter(key -> !KNOWN.contains(key))
                .filter(key -> !SERVICE_LINK.matcher(key).matches() && !(key.endsWith("_PORT")
                        && SERVICE_LINK_PORT.matcher(given.get(key)).matches())).sorted()
                .map(key -> "unknown setting " + key + closest(key).map(near -> " (did you mean " + near + "?)")
                        .orElse(" (no setting of that name; see README.md, Configuration)"))
                .toList();
    }

    static Optional<String> closest(String key) {
        LevenshteinDistance distance = new LevenshteinDistance(MOST_EDITS);
        return KNOWN.stream().map(candidate -> new Candidate(candidate, distance.apply(key, candidate)))
                .filter(candidate -> candidate.edits() >= 0)
                .min(Comparator.comparingInt(Candidate::edits).thenComparing(Candidate::key))
                .map(Candidate::key);
    }

    /** Every known setting, sorted, as {@code KEY=value} or {@code KEY (default)}, secrets masked. */
    static Stream<String> describe(ConfigSource source) {
        return KNOWN.stream().sorted().map(key -> source.get(key).map(value -> key + "=" + masked(key, value))
                .orElse(key + " (default)"));
    }

    /**
     * {@code ****} for a secret; for a URL, its password (in the user part or a {@code password=} parameter) masked,
     * since JDBC and Redis URLs may carry one.
     */
    static String masked(String key, String value) {
        if (SECRET_WORDS.stream().anyMatch(key::contains)) {
            return "****";
        }
        if (key.equals("TENANTRY_WEBHOOK_URL")) {
            // a webhook's path and query are often its credential (a chat service's hook token)
            return ConnectionUrls.redacted(value).replaceFirst("^([^:/?#]+://[^/?#]*)[/?#].*$", "$1/****");
        }
        if (key.endsWith("_URL") || key.endsWith("_ENDPOINT") || key.equals("TENANTRY_DEDICATED_DATABASES")) {
            return ConnectionUrls.redacted(value);
        }
        return value;
    }

    private record Candidate(String key, int edits) {
    }
}
