package io.tenantry.bootstrap;

import io.tenantry.application.admin.AdminService;
import io.tenantry.application.admin.AdminUseCases.ChangeTenantCommand;
import io.tenantry.application.admin.AdminUseCases.ProvisionOutcome;
import io.tenantry.application.admin.AdminUseCases.ProvisionTenantCommand;
import io.tenantry.application.tenant.Tenant;
import io.tenantry.application.tenant.TenantStatus;
import io.tenantry.kernel.context.RequestOrigin;
import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.TenantIdentity;
import io.tenantry.kernel.context.Tier;
import org.jboss.weld.environment.se.WeldContainer;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code tenants create|list|suspend|activate}: an operator manages tenants from a shell, without a running server
 * and without a token, through the same use cases as {@code /admin/tenants} and so through the audited bypass. The
 * actor is {@code cli} of the platform tenant; every command needs {@code --reason}, which the audit log records with
 * the operation's own justification (source {@code cli}).
 */
final class TenantsCommand {

    static final String USAGE = "tenants create --id ID --name NAME --tier free|pro|enterprise --reason WHY"
            + " | tenants list --reason WHY | tenants suspend|activate ID --reason WHY";

    private final TenantryConfig config;
    private final PrintStream out;

    TenantsCommand(TenantryConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    /** The platform operators' own identity for work started from the command line. */
    static TenantIdentity operator(TenantryConfig config) {
        return new TenantIdentity(config.web().platform(), Tier.ENTERPRISE, "cli", Set.of(TenantIdentity.ADMIN));
    }

    void run(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("tenants needs a command; usage: " + USAGE);
        }
        Arguments arguments = Arguments.parse(args);
        String reason = arguments.option("reason").filter(text -> !text.isBlank()).orElseThrow(() ->
                new IllegalArgumentException("tenants " + args[0] + " needs --reason: why, in the audit log"));
        switch (args[0]) {
            case "create" -> create(arguments, reason);
            case "list" -> list(arguments, reason);
            case "suspend" -> change(arguments, reason, TenantStatus.SUSPENDED, "suspended");
            case "activate" -> change(arguments, reason, TenantStatus.ACTIVE, "activated");
            default -> throw new IllegalArgumentException("unknown tenants command '" + args[0] + "'; usage: " + USAGE);
        }
    }

    private void create(Arguments arguments, String reason) {
        arguments.positionals(0);
        ProvisionTenantCommand command = new ProvisionTenantCommand(tenantId(arguments.required("id")),
                arguments.required("name"), tier(arguments.required("tier")));
        ProvisionOutcome outcome = asOperator(reason, admin -> admin.provision(command));
        switch (outcome) {
            case ProvisionOutcome.Provisioned created -> out.println("created tenant " + describe(created.tenant()));
            case ProvisionOutcome.AlreadyExists exists ->
                    throw new CommandRefused("tenant '" + command.id().value() + "' exists already");
        }
    }

    private void list(Arguments arguments, String reason) {
        arguments.positionals(0);
        List<Tenant> tenants = asOperator(reason, AdminService::listTenants);
        out.printf("%-32s %-10s %-9s %-8s %s%n", "ID", "TIER", "STATUS", "DATABASE", "NAME");
        tenants.forEach(tenant -> out.printf("%-32s %-10s %-9s %-8s %s%n", tenant.id().value(), tenant.tier().wireName(),
                tenant.status().wireName(), tenant.ownDatabase().isPresent() ? "own" : "shared", tenant.name()));
    }

    private void change(Arguments arguments, String reason, TenantStatus status, String done) {
        TenantId id = tenantId(arguments.positionals(1).getFirst());
        Optional<Tenant> changed = asOperator(reason, admin -> admin.change(
                new ChangeTenantCommand(id, Optional.empty(), Optional.of(status))));
        out.println(done + " tenant " + describe(changed.orElseThrow(() ->
                new CommandRefused("no tenant '" + id.value() + "'"))));
    }

    private <T> T asOperator(String reason, Function<AdminService, T> work) {
        return asOperator(config, reason, work);
    }

    /**
     * Starts the service's beans (no HTTP server, no migration), runs {@code work} as the platform's operator with
     * {@code reason} for the audit log (source {@code cli}), and stops them.
     */
    static <T> T asOperator(TenantryConfig config, String reason, Function<AdminService, T> work) {
        try (WeldContainer container = Tenantry.container(config.migrated())) {
            AdminService admin = container.select(AdminService.class).get();
            RequestOrigin origin = new RequestOrigin(UUID.randomUUID().toString(), "cli", reason);
            return TenantContext.call(operator(config), origin, () -> work.apply(admin));
        }
    }

    private static String describe(Tenant tenant) {
        return tenant.id().value() + " (" + tenant.name() + ", " + tenant.tier().wireName() + ", "
                + tenant.status().wireName() + ")";
    }

    private static TenantId tenantId(String value) {
        if (!TenantId.isValid(value)) {
            throw new IllegalArgumentException("a tenant id is 2 to 63 of a-z, 0-9 and '-', starting with a letter or"
                    + " digit, not '" + value + "'");
        }
        return TenantId.of(value);
    }

    private static Tier tier(String value) {
        return Tier.fromWireName(value).orElseThrow(() ->
                new IllegalArgumentException("--tier must be free, pro or enterprise, not '" + value + "'"));
    }

    /** A command's words after its name: {@code --name value} options and the rest, in order. */
    record Arguments(String command, Map<String, String> options, List<String> rest) {

        static Arguments parse(String[] args) {
            Map<String, String> options = new HashMap<>();
            List<String> rest = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                if (args[i].startsWith("--")) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(args[i] + " needs a value");
                    }
                    options.put(args[i].substring(2), args[++i]);
                } else {
                    rest.add(args[i]);
                }
            }
            return new Arguments(args[0], Map.copyOf(options), List.copyOf(rest));
        }

        Optional<String> option(String name) {
            return Optional.ofNullable(options.get(name));
        }

        String required(String name) {
            return option(name).filter(value -> !value.isBlank()).orElseThrow(() ->
                    new IllegalArgumentException("tenants " + command + " needs --" + name));
        }

        /** The words that are no option, exactly {@code count} of them. */
        List<String> positionals(int count) {
            if (rest.size() != count) {
                throw new IllegalArgumentException("tenants " + command + " takes " + (count == 0 ? "no" : count)
                        + " argument" + (count == 1 ? "" : "s") + " besides its options, got " + rest);
            }
            return rest;
        }
    }
}
