package io.tenantry.bootstrap;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

    /** The keys that are set. */
    public Set<String> keys() {
        return values.keySet();
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

    public int getInt(String key, int fallback) {
        return get(key).map(value -> {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be an integer, was '" + value + "'");
            }
        }).orElse(fallback);
    }

    public long getLong(String key, long fallback) {
        return get(key).map(value -> {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be an integer, was '" + value + "'");
            }
        }).orElse(fallback);
    }

    public boolean getBoolean(String key, boolean fallback) {
        return get(key).map(Boolean::parseBoolean).orElse(fallback);
    }
}
