package io.tenantry.adapters.web.auth;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.tenantry.adapters.web.http.Problem;
import io.tenantry.adapters.web.http.ProblemException;
import io.tenantry.adapters.web.http.RequestIdentity;
import io.tenantry.adapters.web.http.RequestIds;
import io.tenantry.application.admin.AdminUseCases.RecordRefusedAdminAttemptUseCase;
import io.tenantry.application.tenant.Tenant;
import io.tenantry.application.tenant.CheckTenantAccessUseCase;
import io.tenantry.application.tenant.CheckTenantAccessUseCase.Verdict;
import io.tenantry.kernel.context.RequestOrigin;
import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.TenantIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.Optional;
import java.util.Set;

/**
 * The door of every tenant route, in one pass: verify the bearer token, check the tenant exists and is active, then,
 * <em>inside</em> {@link TenantContext#call} so the tenant cannot outlive the request, count the request against the
 * tenant's tier budget, check the role and run the handler. Nothing here reads a tenant from a header or a query
 * parameter.
 */
public final class TenantGateway {

    private static final Logger LOG = LoggerFactory.getLogger(TenantGateway.class);

    private final TokenVerifier verifier;
    private final CheckTenantAccessUseCase access;
    private final TenantId platform;
    private final TierRateLimit rateLimit;
    private final RecordRefusedAdminAttemptUseCase refusals;

    /**
     * {@code platform} is the operators' home tenant: the role {@code admin} counts only for its members. Every
     * authenticated caller refused at an operator's door is recorded through {@code refusals}.
     */
    public TenantGateway(TokenVerifier verifier, CheckTenantAccessUseCase access, TenantId platform, TierRateLimit rateLimit,
                         RecordRefusedAdminAttemptUseCase refusals) {
        this.verifier = verifier;
        this.access = access;
        this.platform = platform;
        this.rateLimit = rateLimit;
        this.refusals = refusals;
    }

    /** A handler for platform operators: the role {@code admin} in the platform tenant; refusals are audited. */
    public Handler requireOperator(Handler handler) {
        return admitted(Optional.empty(), ctx -> {
            TenantIdentity identity = TenantContext.require("an operator's operation");
            String refusal = !identity.hasRole(TenantIdentity.ADMIN) ? "the role 'admin' is missing"
                    : !identity.tenant().equals(platform) ? "'admin' of tenant " + identity.tenant() + ", not of the platform"
                    : null;
            if (refusal != null) {
                refusals.refused(ctx.method().name() + " " + ctx.endpoints().matchedHttpEndpoint().path, refusal);
                throw new ProblemException(Problem.forbidden("Only platform operators may use this operation."));
            }
            handler.handle(ctx);
        });
    }

    /** A handler for callers holding any of {@code roles}. */
    public Handler requireAnyRole(Set<String> roles, Handler handler) {
        return requireAnyRole(roles, Optional.empty(), handler);
    }

    /**
     * As {@link #requireAnyRole(Set, Handler)} for {@code operation}, which counts against its own budget beside the
     * tier's when {@link io.tenantry.kernel.limits.TierLimits} gives it one.
     */
    public Handler requireAnyRole(Set<String> roles, String operation, Handler handler) {
        return requireAnyRole(roles, Optional.of(operation), handler);
    }

    private Handler requireAnyRole(Set<String> roles, Optional<String> operation, Handler handler) {
        return admitted(operation, ctx -> {
            if (!TenantContext.require().hasAnyRole(roles)) {
                throw new ProblemException(Problem.forbidden("This operation needs one of the roles " + roles + "."));
            }
            handler.handle(ctx);
        });
    }

    /**
     * Authenticates, admits and rate-limits the caller, then runs {@code handler} as them, with the request's id and
     * client address bound as its origin (the audit trail records both).
     */
    private Handler admitted(Optional<String> operation, Handler handler) {
        return ctx -> {
            TenantIdentity identity = authenticate(ctx);
            TenantIdentity effective = admit(identity);
            RequestIdentity.remember(ctx, effective);
            MDC.put("tenant", effective.tenant().value());
            RequestOrigin origin = new RequestOrigin(RequestIds.of(ctx), ctx.ip().isBlank() ? "-" : ctx.ip());
            try {
                TenantContext.call(effective, origin, () -> {
                    rateLimit.enforce(ctx, effective.tier(), operation);
                    handler.handle(ctx);
                    return null;
                });
            } finally {
                MDC.remove("tenant");
            }
        };
    }

    private TenantIdentity authenticate(Context ctx) {
        return switch (verifier.verify(ctx.header("Authorization"))) {
            case Authentication.Authenticated(TenantIdentity identity) -> identity;
            case Authentication.Rejected(String reason) -> {
                LOG.info("unauthenticated request: {}", reason);
                throw new ProblemException(Problem.unauthorized("A valid bearer token is required."));
            }
        };
    }

    /** The identity to run as: the token's, with the tier the directory holds now (an upgrade or downgrade is at once). */
    private TenantIdentity admit(TenantIdentity identity) {
        Verdict verdict = TenantContext.call(identity, access::check);
        return switch (verdict) {
            case Verdict.Granted(Tenant tenant) -> tenant.tier() == identity.tier() ? identity
                    : new TenantIdentity(identity.tenant(), tenant.tier(), identity.subject(), identity.roles());
            case Verdict.UnknownTenant unknown -> {
                LOG.info("token for unknown tenant {}", identity.tenant());
                throw new ProblemException(Problem.unauthorized("A valid bearer token is required."));
            }
            case Verdict.Suspended suspended ->
                    throw new ProblemException(Problem.forbidden("This tenant is suspended."));
        };
    }
}
