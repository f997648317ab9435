package io.tenantry.bootstrap;

import io.tenantry.adapters.persistence.postgres.DedicatedDatabases;
import io.tenantry.adapters.web.auth.DevelopmentTokens;
import io.tenantry.adapters.web.auth.JwtSettings;
import io.tenantry.application.admin.AdminService;
import io.tenantry.application.admin.AdminUseCases;
import io.tenantry.application.order.OrderService;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.TenantIdentity;
import io.tenantry.kernel.context.Tier;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code serve} runs the service (on the embedded defaults when no database is configured), {@code token} mints a
 * development token, {@code migrate} migrates the configured database and ensures the platform operators' tenant,
 * {@code tenants} manages tenants ({@link TenantsCommand}).
 */
public final class Main {

    private static final String USAGE =
            "usage: tenantry serve | token --tenant ID --tier TIER [--roles a,b] [--ttl SECONDS] [--subject S] | migrate"
                    + " | config | "
                    + TenantsCommand.USAGE;

    /** How long the printed demo tokens live, or less when the maximum token lifetime is shorter. */
    private static final Duration DEMO_TOKEN_LIFETIME = Duration.ofHours(12);

    private Main() {
    }

    /** Runs the command; a failure is one line on stderr and a non-zero status ({@link StartupFailure}). */
    public static void main(String[] args) throws InterruptedException {
        try {
            run(args);
        } catch (RuntimeException failure) {
            LoggerFactory.getLogger(Main.class).debug("{} failed", args.length == 0 ? "serve" : args[0], failure);
            StartupFailure reported = StartupFailure.of(failure);
            System.err.println(reported.line());
            System.exit(reported.exitCode());
        }
    }

    private static void run(String[] args) throws InterruptedException {
        String command = args.length == 0 ? "serve" : args[0];
        String[] options = args.length == 0 ? new String[0] : Arrays.copyOfRange(args, 1, args.length);
        ConfigSource source = ConfigSource.fromEnvironment();
        ConfigKeys.unknown(source.values()).forEach(warning -> System.err.println("tenantry: warning: " + warning));
        switch (command) {
            case "serve" -> serve(TenantryConfig.load(source));
            case "token" -> System.out.println(token(TenantryConfig.load(source), options));
            case "migrate" -> migrate(TenantryConfig.load(source));
            case "tenants" -> tenants(TenantryConfig.load(source), options);
            case "config" -> config(source);
            default -> throw new IllegalArgumentException("unknown command '" + command + "'; " + USAGE);
        }
    }

    /**
     * {@code config}: checks the settings as {@code serve} would (a wrong one is its one line and status 2), then
     * prints every known setting, set or default, with passwords, secrets and keys masked.
     */
    private static void config(ConfigSource source) {
        TenantryConfig.load(source);
        ConfigKeys.describe(source).forEach(System.out::println);
    }

    private static void serve(TenantryConfig config) throws InterruptedException {
        Tenantry tenantry = Tenantry.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            tenantry.close();
            stopped.countDown();
        }, "tenantry-shutdown"));
        if (config.demoData()) {
            DemoData.seed(tenantry.bean(AdminService.class), tenantry.bean(OrderService.class));
        }
        printWelcome(System.out, config, tenantry.port());
        stopped.await();
    }

    /**
     * The URL, and ready tokens in embedded mode only: with a real database the secret is a real one, and tokens
     * signed with it do not belong on a console or in a log.
     */
    static void printWelcome(PrintStream out, TenantryConfig config, int port) {
        String base = "http://" + config.web().host() + ":" + port;
        out.println();
        out.println("Tenantry is serving at " + base + (!config.embedded() ? ""
                : config.developmentSecret() ? " (embedded PostgreSQL, development JWT secret)" : " (embedded PostgreSQL)"));
        if (!config.embedded() || !config.demoData() || config.web().jwt().algorithm() != JwtSettings.Algorithm.HS256) {
            return;
        }
        DevelopmentTokens tokens = new DevelopmentTokens(config.web().jwt(), Clock.systemUTC());
        Duration ttl = DEMO_TOKEN_LIFETIME.compareTo(config.web().jwt().maxLifetime()) > 0
                ? config.web().jwt().maxLifetime() : DEMO_TOKEN_LIFETIME;
        out.println("Demo tokens (valid " + describe(ttl) + "):");
        DemoData.TENANTS.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing(TenantId::value)))
                .forEach(entry -> {
            TenantId tenant = entry.getKey();
            Tier tier = entry.getValue();
            out.printf("  %-8s member  %s%n", tenant, tokens.mint(DemoData.member(tenant, tier, "alice@" + tenant), ttl));
            out.printf("  %-8s owner   %s%n", tenant, tokens.mint(DemoData.owner(tenant, tier, "olga@" + tenant), ttl));
        });
        out.printf("  %-8s admin   %s%n", "platform", tokens.mint(DemoData.OPERATOR, ttl));
        out.println("Try: curl -H \"Authorization: Bearer <acme member token>\" " + base + "/api/orders");
    }

    private static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 3_600 == 0 ? count(seconds / 3_600, "hour")
                : seconds % 60 == 0 ? count(seconds / 60, "minute") : count(seconds, "second");
    }

    private static String count(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }

    /** {@code token --tenant acme --tier pro --roles member,owner --ttl 3600 --subject alice}. */
    static String token(TenantryConfig config, String[] options) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < options.length; i += 2) {
            if (!options[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected '" + options[i] + "'; options look like --tenant acme");
            }
            values.put(options[i].substring(2), options[i + 1]);
        }
        String tenant = values.get("tenant");
        String tier = values.get("tier");
        if (tenant == null || tier == null) {
            throw new IllegalArgumentException("token needs --tenant and --tier (free, pro or enterprise)");
        }
        Set<String> roles = Set.of(values.getOrDefault("roles", TenantIdentity.MEMBER).split(","));
        TenantIdentity identity = new TenantIdentity(TenantId.of(tenant),
                Tier.fromWireName(tier).orElseThrow(() -> new IllegalArgumentException("--tier must be free, pro or enterprise")),
                values.getOrDefault("subject", "developer"), roles);
        Duration ttl = Duration.ofSeconds(Long.parseLong(values.getOrDefault("ttl", "3600")));
        return new DevelopmentTokens(config.web().jwt(), Clock.systemUTC()).mint(identity, ttl);
    }

    private static void migrate(TenantryConfig config) {
        if (config.database().isEmpty()) {
            throw new IllegalArgumentException("migrate needs TENANTRY_DB_URL (the embedded database migrates itself on serve)");
        }
        TenantryConfig.Dedicated dedicated = config.dedicated();
        try (DedicatedDatabases databases = new DedicatedDatabases(dedicated.databases(), dedicated.maxOpenPools(),
                Clock.systemUTC(), DatabaseRuntime.IDEMPOTENCY_RETENTION)) {
            int applied = DatabaseRuntime.migrate(config.database().get(), databases);
            System.out.println("applied " + applied + " migrations to the shared database; "
                    + databases.tenants().size() + " dedicated databases migrated");
        }
        System.out.println(ensurePlatformTenant(config));
    }

    /**
     * The platform operators' tenant, created when it is missing: operators' tokens name it, so without it no one
     * could provision the first tenant. Through the audited bypass like every provisioning (actor {@code cli}).
     */
    static String ensurePlatformTenant(TenantryConfig config) {
        TenantId platform = config.web().platform();
        var outcome = TenantsCommand.asOperator(config, "migrate ensures the platform operators' tenant",
                admin -> admin.provision(new AdminUseCases.ProvisionTenantCommand(platform, "Platform operators",
                        Tier.ENTERPRISE)));
        return outcome instanceof AdminUseCases.ProvisionOutcome.Provisioned
                ? "created the platform operators' tenant '" + platform.value() + "'"
                : "the platform operators' tenant '" + platform.value() + "' exists";
    }

    private static void tenants(TenantryConfig config, String[] options) {
        if (config.database().isEmpty() && config.dataDirectory().isEmpty()) {
            throw new IllegalArgumentException("tenants needs TENANTRY_DB_URL, or TENANTRY_DATA_DIR for an embedded"
                    + " database that outlives the command");
        }
        new TenantsCommand(config, System.out).run(options);
    }

}
