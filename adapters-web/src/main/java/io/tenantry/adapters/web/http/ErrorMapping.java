package io.tenantry.adapters.web.http;

import com.fasterxml.jackson.core.JacksonException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.tenantry.application.capacity.StatementTimedOut;
import io.tenantry.application.capacity.TenantBusy;
import io.tenantry.application.file.QuotaExceeded;
import io.tenantry.application.file.UploadsBusy;
import io.tenantry.application.health.DependencyUnavailable;
import io.tenantry.kernel.policy.AccessDenied;
import io.tenantry.kernel.storage.ObjectTooLarge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * The one place where exceptions become HTTP answers, all as problem+json. Client mistakes are 4xx with a plain
 * explanation; an unreachable dependency ({@link DependencyUnavailable}) is 503; anything else is a 500 whose
 * details go to the log only.
 *
 * <p>An upload over the bounds ({@link UploadsBusy}) is 429 when the tenant's own uploads fill its share, since it
 * is that tenant's load and its retry is what helps, and 503 when the whole service is full, which is no fault of
 * the caller; both say {@code Retry-After: 1}, about the time an upload of the largest allowed file takes. A full
 * quota ({@link QuotaExceeded}) is 507, the status for "cannot store this" that says it is not the request's size
 * (413) at fault; it carries no {@code Retry-After}, as only deleting files makes room.
 */
public final class ErrorMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    /** What a 503 tells a client to wait: about the time the breaker takes to notice a dependency is back. */
    public static final String RETRY_AFTER_SECONDS = "1";

    private final JsonCodec json;
    private final long maxJsonBytes;

    public ErrorMapping(JsonCodec json, long maxJsonBytes) {
        this.json = json;
        this.maxJsonBytes = maxJsonBytes;
    }

    public void install(JavalinConfig config) {
        config.routes.exception(ProblemException.class, (e, ctx) -> respond(ctx, e.problem()));
        config.routes.exception(JacksonException.class, (e, ctx) -> respond(ctx, Problem.badRequest(JsonCodec.describe(e))));
        config.routes.exception(AccessDenied.class, (e, ctx) -> {
            LOG.info("access denied: {}", e.getMessage());
            respond(ctx, Problem.forbidden("Your roles do not allow this operation."));
        });
        config.routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, fromStatus(e.getStatus())));
        config.routes.exception(ObjectTooLarge.class, (e, ctx) -> respond(ctx, Problem.tooLarge(e.limit())));
        config.routes.exception(QuotaExceeded.class, (e, ctx) -> respond(ctx, Problem.quotaExceeded(
                e.limit() == QuotaExceeded.Limit.BYTES ? e.quota() + " bytes" : e.quota() + " files")));
        config.routes.exception(UploadsBusy.class, (e, ctx) -> respond(ctx,
                e.bound() == UploadsBusy.Bound.TENANT ? Problem.tenantUploadsBusy() : Problem.serviceUploadsBusy()));
        config.routes.exception(DependencyUnavailable.class, (e, ctx) -> {
            LOG.warn("{} ({})", e.getMessage(), rootCause(e));
            respond(ctx, Problem.unavailable());
        });
        config.routes.exception(TenantBusy.class, (e, ctx) -> {
            LOG.info("{}", e.getMessage());
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
            respond(ctx, Problem.tenantBusy());
        });
        config.routes.exception(StatementTimedOut.class, (e, ctx) -> {
            LOG.warn("{}", e.getMessage());
            respond(ctx, Problem.statementTimedOut());
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("request failed", e);
            respond(ctx, Problem.internal());
        });
        config.routes.error(404, "*", ctx -> {
            if (!isProblem(ctx)) {
                respond(ctx, Problem.notFound());
            }
        });
        config.routes.error(405, "*", ctx -> {
            if (!isProblem(ctx)) {
                respond(ctx, Problem.methodNotAllowed());
            }
        });
        config.routes.error(413, "*", ctx -> {
            if (!isProblem(ctx)) {
                respond(ctx, Problem.tooLarge(maxJsonBytes));
            }
        });
    }

    public void respond(Context ctx, Problem problem) {
        if (problem.status() == 503 || problem.type().equals(Problem.TENANT_UPLOADS_BUSY)) {
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        ctx.status(problem.status()).contentType(Problem.CONTENT_TYPE).result(json.write(problem));
    }

    private Problem fromStatus(int status) {
        return switch (status) {
            case 400 -> Problem.badRequest("The request could not be read.");
            case 404 -> Problem.notFound();
            case 405 -> Problem.methodNotAllowed();
            case 413 -> Problem.tooLarge(maxJsonBytes);
            case 415 -> Problem.unsupportedMediaType("application/json");
            case 503 -> Problem.unavailable();
            default -> status >= 400 && status < 500 ? Problem.badRequest("The request could not be processed.")
                    : Problem.internal();
        };
    }

    /** The innermost cause's type and message: enough to tell a refused connection from a timeout, no SQL text. */
    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(Problem.CONTENT_TYPE);
    }
}
