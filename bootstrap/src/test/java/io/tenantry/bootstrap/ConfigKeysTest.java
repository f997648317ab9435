package io.tenantry.bootstrap;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The list of known settings: a mistyped one is named with its closest key, and the list is what code and README say. */
class ConfigKeysTest {

    @Test
    void aMistypedSettingIsAWarningNamingTheClosestKnownOne() {
        assertEquals(List.of("unknown setting TENANTRY_DB_UR (did you mean TENANTRY_DB_URL?)",
                        "unknown setting TENANTRY_LIMT_PRO (did you mean TENANTRY_LIMIT_PRO?)",
                        "unknown setting TENANTRY_WHATEVER_ELSE_ENTIRELY (no setting of that name; see README.md,"
                                + " Configuration)"),
                ConfigKeys.unknown(Map.of("TENANTRY_DB_UR", "x", "TENANTRY_LIMT_PRO", "5",
                        "TENANTRY_WHATEVER_ELSE_ENTIRELY", "x", "TENANTRY_DB_URL", "x", "TENANTRY_TEST_PG_URL", "x",
                        "PATH", "/bin")));
        Map<String, String> known = new HashMap<>();
        ConfigKeys.KNOWN.forEach(key -> known.put(key, "x"));
        assertEquals(List.of(), ConfigKeys.unknown(known), "positive control: no known key warns");
    }

    /** What Kubernetes sets for a Service named tenantry or tenantry-api is not a mistyped setting; a typo still is. */
    @Test
    void kubernetesServiceLinksAreNotWarnedAbout() {
        assertEquals(List.of(), ConfigKeys.unknown(Map.of("TENANTRY_SERVICE_HOST", "10.0.0.7", "TENANTRY_SERVICE_PORT", "80",
                "TENANTRY_SERVICE_PORT_HTTP", "80", "TENANTRY_PORT", "tcp://10.0.0.7:80", "TENANTRY_PORT_80_TCP",
                "tcp://10.0.0.7:80", "TENANTRY_PORT_80_TCP_ADDR", "10.0.0.7", "TENANTRY_API_SERVICE_HOST", "10.0.0.8",
                "TENANTRY_API_PORT", "tcp://10.0.0.8:80")));
        assertEquals(List.of("unknown setting TENANTRY_HTPP_PORT (did you mean TENANTRY_HTTP_PORT?)"),
                ConfigKeys.unknown(Map.of("TENANTRY_HTPP_PORT", "8081")), "positive control");
    }

    @Test
    void secretsAndThePasswordsInUrlsAreMasked() {
        assertEquals("****", ConfigKeys.masked("TENANTRY_JWT_SECRET", "a-secret-of-at-least-thirty-two-bytes"));
        assertEquals("****", ConfigKeys.masked("TENANTRY_DB_APP_PASSWORD", "p"));
        assertEquals("****", ConfigKeys.masked("TENANTRY_S3_SECRET_KEY", "k"));
        assertEquals("jdbc:postgresql://db/tenantry?user=m&password=****&ssl=true",
                ConfigKeys.masked("TENANTRY_DB_URL", "jdbc:postgresql://db/tenantry?user=m&password=hunter2&ssl=true"));
        assertEquals("redis://default:****@cache:6379", ConfigKeys.masked("TENANTRY_REDIS_URL", "redis://default:hunter2@cache:6379"));
        assertEquals("acme=jdbc:postgresql://db/acme?password=****,globex=jdbc:postgresql://db/globex",
                ConfigKeys.masked("TENANTRY_DEDICATED_DATABASES",
                        "acme=jdbc:postgresql://db/acme?password=x,globex=jdbc:postgresql://db/globex"));
        assertEquals("redis://:****@cache:6379", ConfigKeys.masked("TENANTRY_REDIS_URL", "redis://:p@ss@cache:6379"));
        assertEquals("http://minio:****@store:9000", ConfigKeys.masked("TENANTRY_S3_ENDPOINT", "http://minio:pw@store:9000"));
        assertEquals("https://hooks.example.com/****",
                ConfigKeys.masked("TENANTRY_WEBHOOK_URL", "https://hooks.example.com/services/T0/B0/s3cr3t?token=x"));
        assertEquals("8080", ConfigKeys.masked("TENANTRY_HTTP_PORT", "8080"), "positive control: the rest is shown");
        assertEquals("https://s3.eu-west-1.amazonaws.com", ConfigKeys.masked("TENANTRY_S3_ENDPOINT",
                "https://s3.eu-west-1.amazonaws.com"), "positive control: a URL without a secret is shown whole");
        Map<String, String> set = Map.of("TENANTRY_JWT_SECRET", "s".repeat(40), "TENANTRY_HTTP_PORT", "9000");
        List<String> lines = ConfigKeys.describe(new ConfigSource(set)).toList();
        assertTrue(lines.contains("TENANTRY_JWT_SECRET=****") && lines.contains("TENANTRY_HTTP_PORT=9000")
                && lines.contains("TENANTRY_DB_URL (default)"), lines.toString());
        assertEquals(ConfigKeys.KNOWN.size(), lines.size(), "every known setting, once");
    }

    /** Every key the configuration asks for, in the richest setups, is on the list. */
    @Test
    void everySettingTheCodeReadsIsKnown() {
        Map<String, String> rich = new HashMap<>();
        rich.put("TENANTRY_DB_URL", "jdbc:postgresql://127.0.0.1:1/tenantry");
        rich.put("TENANTRY_JWT_SECRET", "s".repeat(40));
        rich.put("TENANTRY_REDIS_URL", "redis://127.0.0.1:1");
        rich.put("TENANTRY_S3_ENDPOINT", "http://127.0.0.1:1");
        rich.put("TENANTRY_S3_ACCESS_KEY", "a");
        rich.put("TENANTRY_S3_SECRET_KEY", "b");
        rich.put("TENANTRY_DEDICATED_DATABASES", "acme=jdbc:postgresql://127.0.0.1:1/acme");
        rich.put("TENANTRY_WEBHOOK_URL", "https://hooks.example.com/tenantry");
        ConfigSource source = new ConfigSource(rich);
        TenantryConfig.load(source);
        ConfigSource embedded = new ConfigSource(Map.of());
        TenantryConfig.load(embedded);
        Set<String> asked = new TreeSet<>(source.asked());
        asked.addAll(embedded.asked());
        assertTrue(asked.size() > 50, "positive control: the loads asked for their settings: " + asked);
        asked.removeAll(ConfigKeys.KNOWN);
        assertEquals(Set.of(), asked, "asked for but not on the list of known settings");
    }

    /** The README documents every known setting (per-tier ones by their FREE name), and names no other. */
    @Test
    void theReadmeDocumentsExactlyTheKnownSettings() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("## Configuration"), readme.indexOf("## Modules"));
        Set<String> documented = Pattern.compile("TENANTRY_[A-Z0-9_]*[A-Z0-9]").matcher(section).results()
                .map(MatchResult::group).collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>();
        for (String key : ConfigKeys.KNOWN) {
            String free = key.replace("_ENTERPRISE", "_FREE").replace("_PRO", "_FREE");
            if (!documented.contains(key) && !documented.contains(free)) {
                missing.add(key);
            }
        }
        assertEquals(Set.of(), missing, "known but not in README.md, Configuration");
        Set<String> strangers = new TreeSet<>(documented);
        strangers.removeIf(name -> ConfigKeys.KNOWN.contains(name) || name.startsWith("TENANTRY_TEST_"));
        assertEquals(Set.of(), strangers, "in README.md, Configuration, but read by nothing");
        assertEquals(Optional.of("TENANTRY_HTTP_PORT"), ConfigKeys.closest("TENANTRY_HTTP_PROT"));
    }
}
