package io.tenantry.bootstrap;

import io.tenantry.adapters.persistence.jdbi.DatabaseWorkLimits;
import io.tenantry.adapters.persistence.postgres.PostgresSettings;
import io.tenantry.adapters.persistence.redis.RedisSettings;
import io.tenantry.adapters.storage.S3Settings;
import io.tenantry.adapters.web.WebSettings;
import io.tenantry.adapters.web.auth.JwtSettings;
import io.tenantry.application.file.StorageQuota;
import io.tenantry.application.file.TierQuotas;
import io.tenantry.application.file.UploadBounds;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.limits.Budget;
import io.tenantry.kernel.limits.TierLimits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All settings of a Tenantry process, read once at start. No database URL means the embedded defaults: an embedded
 * PostgreSQL and demo data, and, when the server listens on loopback only, the development JWT secret. That secret
 * is public (it is in this file), so anyone who can reach a server using it can mint any tenant's tokens: it is
 * refused, configured or not, unless the database is embedded and the server unreachable from other machines.
 *
 * @param web           the HTTP side
 * @param database      the configured PostgreSQL, empty for the embedded one
 * @param dataDirectory where the embedded PostgreSQL keeps its data, empty for a fresh temporary one
 * @param demoData      whether to provision the demo tenants and orders
 * @param tenantCacheAge how long one instance trusts what it read of a tenant's status and tier
 * @param redis         the Redis that shares rate-limit budgets and the tenant cache across instances, and what
 *                      to do while it is down; empty for in-process budgets and cache
 * @param limits        the request budget of each tier
 * @param storageRoot   where the local-disk object storage keeps tenants' files
 * @param s3            the S3 backend of the paying tiers, empty to keep every tier on local disk
 * @param dedicated     tenants with a database of their own, and how many of their pools may be open at once
 * @param uploads       how many uploads may be in progress at once, per tenant and in all
 * @param quotas        the storage quota of each tier
 * @param migrateOnServe whether {@code serve} migrates the databases (as the migrator) before serving; when false it
 *                      connects only as the application and bypass roles and the schema is migrated separately with
 *                      {@code migrate}
 * @param webhook       where enterprise tenants' notifications are posted, empty to log them as for the other plans
 */
public record TenantryConfig(WebSettings web, Optional<PostgresSettings> database, Optional<Path> dataDirectory,
                             boolean demoData, Duration tenantCacheAge, Optional<RedisSettings> redis, TierLimits limits,
                             Path storageRoot, Optional<S3Settings> s3, Dedicated dedicated, UploadBounds uploads,
                             TierQuotas quotas, boolean migrateOnServe, Optional<URI> webhook) {

    /** The same, without migrating on start: for a command that runs right after {@code migrate} did. */
    TenantryConfig migrated() {
        return new TenantryConfig(web, database, dataDirectory, demoData, tenantCacheAge, redis, limits, storageRoot, s3,
                dedicated, uploads, quotas, database.isEmpty(), webhook);
    }

    /** A configuration without a webhook. */
    public TenantryConfig(WebSettings web, Optional<PostgresSettings> database, Optional<Path> dataDirectory,
                          boolean demoData, Duration tenantCacheAge, Optional<RedisSettings> redis, TierLimits limits,
                          Path storageRoot, Optional<S3Settings> s3, Dedicated dedicated, UploadBounds uploads,
                          TierQuotas quotas, boolean migrateOnServe) {
        this(web, database, dataDirectory, demoData, tenantCacheAge, redis, limits, storageRoot, s3, dedicated, uploads,
                quotas, migrateOnServe, Optional.empty());
    }

    /** A configuration whose {@code serve} migrates first. */
    public TenantryConfig(WebSettings web, Optional<PostgresSettings> database, Optional<Path> dataDirectory,
                          boolean demoData, Duration tenantCacheAge, Optional<RedisSettings> redis, TierLimits limits,
                          Path storageRoot, Optional<S3Settings> s3, Dedicated dedicated, UploadBounds uploads,
                          TierQuotas quotas) {
        this(web, database, dataDirectory, demoData, tenantCacheAge, redis, limits, storageRoot, s3, dedicated, uploads,
                quotas, true);
    }

    /** A configuration with the default upload bounds and quotas, whose {@code serve} migrates first. */
    public TenantryConfig(WebSettings web, Optional<PostgresSettings> database, Optional<Path> dataDirectory,
                          boolean demoData, Duration tenantCacheAge, Optional<RedisSettings> redis, TierLimits limits,
                          Path storageRoot, Optional<S3Settings> s3, Dedicated dedicated) {
        this(web, database, dataDirectory, demoData, tenantCacheAge, redis, limits, storageRoot, s3, dedicated,
                UploadBounds.defaults(), TierQuotas.defaults(), true);
    }

    /**
     * Tenants with their own database (same roles as the shared one), the cap on their open pools, the size of the
     * application pool of each database given to a tenant at run time, and the most connections all pools of the
     * process may hold together, the shared database's included ({@link #UNCAPPED} for no such cap).
     */
    public record Dedicated(Map<TenantId, PostgresSettings> databases, int maxOpenPools, int poolSize, int maxConnections) {
        public static final int DEFAULT_MAX_OPEN = 8;
        public static final int DEFAULT_POOL_SIZE = 4;
        public static final int UNCAPPED = Integer.MAX_VALUE;

        public Dedicated {
            databases = Map.copyOf(databases);
            if (maxOpenPools < 1 || poolSize < 1 || maxConnections < 1) {
                throw new IllegalArgumentException("TENANTRY_DEDICATED_MAX_OPEN, TENANTRY_DEDICATED_POOL_SIZE and "
                        + "TENANTRY_DB_MAX_CONNECTIONS must be positive");
            }
        }

        public Dedicated(Map<TenantId, PostgresSettings> databases, int maxOpenPools) {
            this(databases, maxOpenPools, DEFAULT_POOL_SIZE, UNCAPPED);
        }

        public static Dedicated none() {
            return new Dedicated(Map.of(), DEFAULT_MAX_OPEN);
        }
    }

    /** The HS256 secret of the embedded defaults on loopback; refused everywhere else. */
    static final String DEVELOPMENT_SECRET = "tenantry-development-secret-not-for-production-use";

    public boolean embedded() {
        return database.isEmpty();
    }

    /** Whether tokens are verified with the public development secret. */
    public boolean developmentSecret() {
        return web.jwt().algorithm() == JwtSettings.Algorithm.HS256
                && Arrays.equals(web.jwt().hmacSecret(), DEVELOPMENT_SECRET.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether {@code host} is a loopback address ({@code 127.0.0.0/8}, {@code ::1}) or {@code localhost}. Only
     * literals and that one name count: resolving other names could be steered by whoever controls DNS.
     */
    static boolean isLoopback(String host) {
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (literal.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return InetAddress.ofLiteral(literal).isLoopbackAddress();
        } catch (IllegalArgumentException notALiteral) {
            return false;
        }
    }

    public static TenantryConfig load(ConfigSource source) {
        checkLogging(source);
        Optional<PostgresSettings> database = databaseUrl(source).map(url -> new PostgresSettings(url,
                new PostgresSettings.Login(source.get("TENANTRY_DB_USER", "postgres"), source.get("TENANTRY_DB_PASSWORD", "")),
                new PostgresSettings.Login(source.get("TENANTRY_DB_APP_USER", "tenantry_app"),
                        source.get("TENANTRY_DB_APP_PASSWORD", "")),
                new PostgresSettings.Login(source.get("TENANTRY_DB_BYPASS_USER", "tenantry_bypass"),
                        source.get("TENANTRY_DB_BYPASS_PASSWORD", "")),
                source.getInt("TENANTRY_DB_POOL_SIZE", 10, 1), source.getInt("TENANTRY_DB_BYPASS_POOL_SIZE", 2, 1),
                source.getBoolean("TENANTRY_DB_CREATE_ROLES", true), checkoutTimeout(source),
                source.getBoolean("TENANTRY_DB_ALLOW_UNPATCHED_SERVER", false), workLimits(source)));
        String host = source.get("TENANTRY_HTTP_HOST", "127.0.0.1");
        JwtSettings jwt = jwt(source, database.isEmpty() && isLoopback(host));
        WebSettings web = new WebSettings(host,
                source.getInt("TENANTRY_HTTP_PORT", 8080, 0, 65_535), source.getInt("TENANTRY_MAX_JSON_BYTES", (int) WebSettings.ONE_MIB, 1),
                jwt, Duration.ofSeconds(source.getInt("TENANTRY_DRAIN_SECONDS", 10)),
                TenantId.of(source.get("TENANTRY_PLATFORM_TENANT", "platform")),
                source.getInt("TENANTRY_MAX_FILE_BYTES", (int) WebSettings.TEN_MIB, 1),
                Duration.ofMillis(source.getInt("TENANTRY_READINESS_GRACE_MILLIS", 0)), latencyBuckets(source));
        return new TenantryConfig(web, database, source.get("TENANTRY_DATA_DIR").map(Path::of),
                source.getBoolean("TENANTRY_DEMO", database.isEmpty()),
                Duration.ofMillis(source.getInt("TENANTRY_TENANT_CACHE_MILLIS", 2_000)),
                redis(source), limits(source), storageRoot(source), s3(source),
                dedicated(source, database), uploads(source), quotas(source),
                database.isEmpty() || source.getBoolean("TENANTRY_DB_MIGRATE", true), webhook(source));
    }

    /** {@code TENANTRY_METRICS_LATENCY_BUCKETS_MILLIS}: the request histogram's bucket bounds, e.g. {@code 50,200,1000}. */
    static java.util.List<Duration> latencyBuckets(ConfigSource source) {
        return source.get("TENANTRY_METRICS_LATENCY_BUCKETS_MILLIS").map(list -> java.util.Arrays.stream(list.split(","))
                        .map(String::strip).map(bound -> {
                            try {
                                return Duration.ofMillis(Long.parseLong(bound));
                            } catch (NumberFormatException notANumber) {
                                throw new IllegalArgumentException("TENANTRY_METRICS_LATENCY_BUCKETS_MILLIS lists "
                                        + "milliseconds separated by commas, not '" + bound + "'");
                            }
                        }).sorted().distinct().toList())
                .orElse(WebSettings.DEFAULT_LATENCY_BUCKETS);
    }

    /** {@code TENANTRY_WEBHOOK_URL}: an absolute http(s) URL. */
    private static Optional<URI> webhook(ConfigSource source) {
        return source.getUrl("TENANTRY_WEBHOOK_URL", List.of("http", "https"));
    }

    /**
     * {@code TENANTRY_REDIS_URL}: {@code redis://}, {@code rediss://} (TLS), {@code valkey://} or {@code valkeys://},
     * a host (names such as {@code redis_cache} included) and a port, optionally a user and password.
     */
    private static Optional<String> redisUrl(ConfigSource source) {
        return source.get("TENANTRY_REDIS_URL").map(url -> {
            if (!REDIS_URL.matcher(url).matches()) {
                throw new IllegalArgumentException("TENANTRY_REDIS_URL must look like redis://host:6379 (or rediss://,"
                        + " valkey://, valkeys://, with user:password@ before the host), was '"
                        + ConfigKeys.masked("TENANTRY_REDIS_URL", url) + "'");
            }
            return url;
        });
    }

    private static final java.util.regex.Pattern REDIS_URL =
            java.util.regex.Pattern.compile("(?i)(redis|rediss|valkey|valkeys)://([^/?#]*@)?([\\w.-]+|\\[[0-9a-fA-F:.]+])"
                    + ":\\d{1,5}(/\\d*)?");

    /** {@code TENANTRY_DB_URL}: PostgreSQL's JDBC URL, echoed with its password masked when refused. */
    private static Optional<String> databaseUrl(ConfigSource source) {
        return source.get("TENANTRY_DB_URL").map(url -> {
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("TENANTRY_DB_URL must be a PostgreSQL JDBC URL such as"
                        + " jdbc:postgresql://db:5432/tenantry, was '" + ConfigKeys.masked("TENANTRY_DB_URL", url) + "'");
            }
            return url;
        });
    }

    /**
     * {@code TENANTRY_LOG_FORMAT} and {@code TENANTRY_LOG_LEVEL}, which Logback reads itself (logback.xml), checked
     * here so that a wrong one stops the start rather than falling back to a default unnoticed.
     */
    private static void checkLogging(ConfigSource source) {
        source.getChoice("TENANTRY_LOG_FORMAT", "text", List.of("text", "json"));
        source.getChoice("TENANTRY_LOG_LEVEL", "INFO", List.of("ALL", "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF"));
    }

    /** {@code TENANTRY_QUOTA_FREE_BYTES} / {@code TENANTRY_QUOTA_FREE_FILES} etc. */
    private static TierQuotas quotas(ConfigSource source) {
        TierQuotas quotas = TierQuotas.defaults();
        for (Tier tier : Tier.values()) {
            StorageQuota fallback = quotas.quotaFor(tier);
            quotas = quotas.with(tier, new StorageQuota(
                    source.getLong("TENANTRY_QUOTA_" + tier.name() + "_BYTES", fallback.maxBytes()),
                    source.getLong("TENANTRY_QUOTA_" + tier.name() + "_FILES", fallback.maxFiles())));
        }
        return quotas;
    }

    /** {@code TENANTRY_UPLOADS_PER_TENANT} (4) and {@code TENANTRY_UPLOADS_MAX} (64). */
    private static UploadBounds uploads(ConfigSource source) {
        UploadBounds defaults = UploadBounds.defaults();
        return new UploadBounds(source.getInt("TENANTRY_UPLOADS_PER_TENANT", defaults.perTenant(), 1),
                source.getInt("TENANTRY_UPLOADS_MAX", defaults.total(), 1));
    }

    /** {@code TENANTRY_DEDICATED_DATABASES=acme=jdbc:postgresql://db/acme,globex=jdbc:...}: same roles, own database. */
    private static Dedicated dedicated(ConfigSource source, Optional<PostgresSettings> shared) {
        Map<TenantId, PostgresSettings> databases = new LinkedHashMap<>();
        source.get("TENANTRY_DEDICATED_DATABASES").ifPresent(spec -> {
            PostgresSettings template = shared.orElseThrow(() -> new IllegalArgumentException(
                    "TENANTRY_DEDICATED_DATABASES needs TENANTRY_DB_URL (the shared database)"));
            int poolSize = source.getInt("TENANTRY_DEDICATED_POOL_SIZE", Dedicated.DEFAULT_POOL_SIZE, 1);
            for (String entry : spec.split(",")) {
                String[] tenantAndUrl = entry.strip().split("=", 2);
                if (tenantAndUrl.length != 2) {
                    throw new IllegalArgumentException("TENANTRY_DEDICATED_DATABASES entries look like tenant=jdbc:postgresql://...");
                }
                databases.put(TenantId.of(tenantAndUrl[0].strip()), new PostgresSettings(tenantAndUrl[1].strip(),
                        template.migrator(), template.app(), template.bypass(), poolSize, 1, template.createRoles(),
                        template.checkoutTimeout(), template.allowUnpatchedServer(), template.workLimits()));
            }
        });
        return new Dedicated(databases, source.getInt("TENANTRY_DEDICATED_MAX_OPEN", Dedicated.DEFAULT_MAX_OPEN, 1),
                source.getInt("TENANTRY_DEDICATED_POOL_SIZE", Dedicated.DEFAULT_POOL_SIZE, 1),
                source.getInt("TENANTRY_DB_MAX_CONNECTIONS", Dedicated.UNCAPPED, 1));
    }

    /** {@code TENANTRY_DB_CHECKOUT_MILLIS}: how long a request may wait for a pooled connection (then 503). */
    static Duration checkoutTimeout(ConfigSource source) {
        return Duration.ofMillis(source.getInt("TENANTRY_DB_CHECKOUT_MILLIS",
                (int) PostgresSettings.DEFAULT_CHECKOUT_TIMEOUT.toMillis(), 250));
    }

    /**
     * {@code TENANTRY_DB_CONCURRENCY_<TIER>} (concurrent database operations per tenant) and
     * {@code TENANTRY_STATEMENT_TIMEOUT_<TIER>_MILLIS}, each tier defaulting to {@link DatabaseWorkLimits#defaults()};
     * a tenant waits for a free slot as long as for a pooled connection.
     */
    static DatabaseWorkLimits workLimits(ConfigSource source) {
        DatabaseWorkLimits limits = DatabaseWorkLimits.defaults().waiting(checkoutTimeout(source));
        for (Tier tier : Tier.values()) {
            limits = limits.with(tier, source.getInt("TENANTRY_DB_CONCURRENCY_" + tier.name(), limits.concurrency().get(tier), 1),
                    Duration.ofMillis(source.getInt("TENANTRY_STATEMENT_TIMEOUT_" + tier.name() + "_MILLIS",
                            (int) limits.statementTimeout().get(tier).toMillis(), 1)));
        }
        return limits;
    }

    /**
     * {@code TENANTRY_REDIS_URL}, with {@code TENANTRY_REDIS_TIMEOUT_MILLIS} (50), {@code TENANTRY_REDIS_OUTAGE_MODE}
     * ({@code fail-open-local} or {@code fail-closed}) and {@code TENANTRY_EXPECTED_INSTANCES} (1).
     */
    private static Optional<RedisSettings> redis(ConfigSource source) {
        return redisUrl(source).map(url -> new RedisSettings(url,
                Duration.ofMillis(source.getInt("TENANTRY_REDIS_TIMEOUT_MILLIS", 50, 1)),
                RedisSettings.OutageMode.fromWireName(source.getChoice("TENANTRY_REDIS_OUTAGE_MODE", "fail-open-local",
                        List.of("fail-open-local", "fail-closed"))),
                source.getInt("TENANTRY_EXPECTED_INSTANCES", 1, 1)));
    }

    private static Optional<S3Settings> s3(ConfigSource source) {
        return source.getUrl("TENANTRY_S3_ENDPOINT", List.of("http", "https")).map(endpoint -> new S3Settings(endpoint,
                source.get("TENANTRY_S3_REGION", "us-east-1"), source.get("TENANTRY_S3_BUCKET", "tenantry"),
                source.get("TENANTRY_S3_PREFIX", ""), source.get("TENANTRY_S3_ACCESS_KEY").orElseThrow(
                        () -> new IllegalArgumentException("TENANTRY_S3_ACCESS_KEY is required with TENANTRY_S3_ENDPOINT")),
                source.get("TENANTRY_S3_SECRET_KEY").orElseThrow(
                        () -> new IllegalArgumentException("TENANTRY_S3_SECRET_KEY is required with TENANTRY_S3_ENDPOINT"))));
    }

    /**
     * {@code TENANTRY_STORAGE_DIR}, or a folder of this process under the temporary directory. It is made on the
     * first write, not here: a command that stores nothing ({@code config}, {@code token}) leaves nothing behind.
     */
    private static Path storageRoot(ConfigSource source) {
        return source.get("TENANTRY_STORAGE_DIR").map(Path::of).orElseGet(() -> Path.of(
                System.getProperty("java.io.tmpdir"), "tenantry-storage-" + ProcessHandle.current().pid()));
    }

    /**
     * {@code TENANTRY_LIMIT_FREE} etc.: requests per {@code TENANTRY_LIMIT_WINDOW_SECONDS} (default 60); an
     * operation's own budget per tier likewise, its name upper-cased with dots as underscores:
     * {@code TENANTRY_LIMIT_ORDERS_PLACE_PRO}, {@code TENANTRY_LIMIT_FILES_STORE_FREE}.
     */
    private static TierLimits limits(ConfigSource source) {
        Duration window = Duration.ofSeconds(source.getInt("TENANTRY_LIMIT_WINDOW_SECONDS", 60, 1));
        TierLimits limits = TierLimits.defaults();
        for (Tier tier : Tier.values()) {
            int fallback = (int) limits.budgetFor(tier).permits();
            limits = limits.with(tier, new Budget(source.getInt("TENANTRY_LIMIT_" + tier.name(), fallback, 1), window));
            for (String operation : limits.operations().keySet()) {
                String name = "TENANTRY_LIMIT_" + operation.toUpperCase(java.util.Locale.ROOT).replaceAll("[.-]", "_")
                        + "_" + tier.name();
                int ownFallback = (int) limits.budgetFor(operation, tier).orElseThrow().permits();
                limits = limits.with(operation, tier, new Budget(source.getInt(name, ownFallback, 1), window));
            }
        }
        return limits;
    }

    /** {@code local}: an embedded database and a loopback listener, the only place the development secret is used. */
    private static JwtSettings jwt(ConfigSource source, boolean local) {
        String issuer = source.get("TENANTRY_JWT_ISSUER", "tenantry");
        String audience = source.get("TENANTRY_JWT_AUDIENCE", "tenantry-api");
        Duration leeway = Duration.ofSeconds(source.getInt("TENANTRY_JWT_LEEWAY_SECONDS", 30, 0, 300));
        Duration maxLifetime = Duration.ofSeconds(source.getInt("TENANTRY_JWT_MAX_LIFETIME_SECONDS",
                (int) JwtSettings.DEFAULT_MAX_LIFETIME.toSeconds(), 1));
        JwtSettings.Algorithm algorithm = JwtSettings.Algorithm.valueOf(source.getChoice("TENANTRY_JWT_ALGORITHM", "HS256",
                java.util.Arrays.stream(JwtSettings.Algorithm.values()).map(Enum::name).toList()));
        if (algorithm == JwtSettings.Algorithm.HS256) {
            String secret = source.get("TENANTRY_JWT_SECRET").orElseGet(() -> {
                if (!local) {
                    throw new IllegalArgumentException("TENANTRY_JWT_SECRET is required (at least 32 bytes) unless the"
                            + " database is embedded and TENANTRY_HTTP_HOST is a loopback address");
                }
                return DEVELOPMENT_SECRET;
            });
            if (!local && secret.equals(DEVELOPMENT_SECRET)) {
                throw new IllegalArgumentException("TENANTRY_JWT_SECRET is the public development secret, which is"
                        + " accepted only with the embedded database on a loopback address; configure a secret of your own");
            }
            int bytes = secret.getBytes(StandardCharsets.UTF_8).length;
            if (bytes < JwtSettings.MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("TENANTRY_JWT_SECRET must be at least " + JwtSettings.MIN_SECRET_BYTES
                        + " bytes, was " + bytes);
            }
            return new JwtSettings(algorithm, secret.getBytes(StandardCharsets.UTF_8), Map.of(), issuer, audience, leeway,
                    maxLifetime);
        }
        String keys = source.get("TENANTRY_JWT_PUBLIC_KEYS").orElseThrow(() -> new IllegalArgumentException(
                "TENANTRY_JWT_PUBLIC_KEYS (kid=path.pem,kid2=path2.pem) is required for " + algorithm));
        return new JwtSettings(algorithm, null, publicKeys(keys, algorithm), issuer, audience, leeway,
                maxLifetime);
    }

    /** {@code kid=file.pem,kid2=file2.pem}: X.509 SubjectPublicKeyInfo PEM files. */
    static Map<String, PublicKey> publicKeys(String spec, JwtSettings.Algorithm algorithm) {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String[] kidAndPath = entry.strip().split("=", 2);
            if (kidAndPath.length != 2 || kidAndPath[0].isBlank()) {
                throw new IllegalArgumentException("TENANTRY_JWT_PUBLIC_KEYS entries look like kid=path.pem");
            }
            keys.put(kidAndPath[0].strip(), readPem(Path.of(kidAndPath[1].strip()), algorithm));
        }
        return keys;
    }

    private static PublicKey readPem(Path file, JwtSettings.Algorithm algorithm) {
        try {
            String base64 = Files.readString(file).replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
            KeyFactory factory = KeyFactory.getInstance(algorithm == JwtSettings.Algorithm.RS256 ? "RSA" : "EC");
            return factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read public key " + file, e);
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a " + algorithm + " public key: " + file, e);
        }
    }
}
