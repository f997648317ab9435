package io.tenantry.bootstrap;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Where settings come from: environment variables first, then a {@code tenantry.properties} file (in the working
 * directory, or the one {@code TENANTRY_CONFIG} names) with the same keys. Documented in README.md.
 */
public final class ConfigSource {

    private final Map<String, String> values;
    /** Every key asked for, whether set or not: what the check of known settings holds to {@link ConfigKeys}. */
    private final Set<String> asked = ConcurrentHashMap.newKeySet();

    public ConfigSource(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The process environment over the properties file, if there is one. */
    public static ConfigSource fromEnvironment() {
        Map<String, String> env = System.getenv();
        Path file = Path.of(env.getOrDefault("TENANTRY_CONFIG", "tenantry.properties"));
        Map<String, String> merged = new HashMap<>();
        if (Files.isRegularFile(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            properties.stringPropertyNames().forEach(name -> merged.put(name, properties.getProperty(name)));
        }
        env.forEach((key, value) -> {
            if (key.startsWith("TENANTRY_")) {
                merged.put(key, value);
            }
        });
        return new ConfigSource(merged);
    }

    /** The settings as given, unstripped. */
    Map<String, String> values() {
        return values;
    }

    /** The keys asked for so far. */
    Set<String> asked() {
        return Set.copyOf(asked);
    }

    public Optional<String> get(String key) {
        asked.add(key);
        return Optional.ofNullable(values.get(key)).map(String::strip).filter(value -> !value.isEmpty());
    }

    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    /** A count, size or duration: never negative. */
    public int getInt(String key, int fallback) {
        return getInt(key, fallback, 0, Integer.MAX_VALUE);
    }

    /** An integer of at least {@code min}; anything else is refused with a message naming the setting. */
    public int getInt(String key, int fallback, int min) {
        return getInt(key, fallback, min, Integer.MAX_VALUE);
    }

    /** An integer from {@code min} to {@code max}; anything else is refused with a message naming the setting. */
    public int getInt(String key, int fallback, int min, int max) {
        return (int) getLong(key, fallback, min, max);
    }

    /** A count or size: never negative. */
    public long getLong(String key, long fallback) {
        return getLong(key, fallback, 0, Long.MAX_VALUE);
    }

    private long getLong(String key, long fallback, long min, long max) {
        return get(key).map(value -> {
            long parsed;
            try {
                parsed = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be " + range(min, max) + ", was '" + value + "'");
            }
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException(key + " must be " + range(min, max) + ", was '" + value + "'");
            }
            return parsed;
        }).orElse(fallback);
    }

    private static String range(long min, long max) {
        if (max == Long.MAX_VALUE || max == Integer.MAX_VALUE) {
            return min == 0 ? "an integer, 0 or more" : "an integer, " + min + " or more";
        }
        return "an integer from " + min + " to " + max;
    }

    /** {@code true} or {@code false}: a word such as {@code yes} is refused rather than read as {@code false}. */
    public boolean getBoolean(String key, boolean fallback) {
        return get(key).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, was '" + value + "'");
        }).orElse(fallback);
    }

    /** One of {@code choices}, compared without case, returned as the choice is spelt. */
    public String getChoice(String key, String fallback, List<String> choices) {
        return get(key).map(value -> choices.stream().filter(choice -> choice.equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(key + " must be one of " + String.join(", ", choices)
                        + ", was '" + value + "'"))).orElse(fallback);
    }

    /**
     * An absolute URL with a host and one of {@code schemes} (such as {@code redis}), or nothing when unset. A
     * refused one is echoed with its password masked.
     */
    public Optional<URI> getUrl(String key, List<String> schemes) {
        return get(key).map(value -> {
            try {
                URI url = new URI(value);
                if (url.getScheme() != null && schemes.contains(url.getScheme().toLowerCase(Locale.ROOT))
                        && url.getHost() != null) {
                    return url;
                }
            } catch (URISyntaxException notAUrl) {
                // refused below, with the same message as a URL of another scheme
            }
            throw new IllegalArgumentException(key + " must be a URL starting with " + schemes.stream()
                    .map(scheme -> scheme + "://").collect(Collectors.joining(" or ")) + " and naming a host, was '"
                    + ConfigKeys.masked(key, value) + "'");
        });
    }
}
