package io.tenantry.adapters.web;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tenantry.adapters.web.auth.TenantGateway;
import io.tenantry.adapters.web.auth.TierRateLimit;
import io.tenantry.adapters.web.auth.TokenVerifier;
import io.tenantry.adapters.web.http.ErrorMapping;
import io.tenantry.adapters.web.http.JavalinJson;
import io.tenantry.adapters.web.http.JsonCodec;
import io.tenantry.adapters.web.http.RequestIds;
import io.tenantry.adapters.web.http.RequestMetrics;
import io.tenantry.adapters.web.routes.AdminRoutes;
import io.tenantry.adapters.web.routes.ApiPage;
import io.tenantry.adapters.web.routes.FileRoutes;
import io.tenantry.adapters.web.routes.OperationsRoutes;
import io.tenantry.adapters.web.routes.OrderRoutes;
import io.tenantry.adapters.web.routes.UserRoutes;
import io.tenantry.application.admin.AdminUseCases.RecordRefusedAdminAttemptUseCase;
import io.tenantry.application.health.CheckHealthUseCase;
import io.tenantry.application.limits.AdmitRequestUseCase;
import io.tenantry.application.tenant.CheckTenantAccessUseCase;
import org.eclipse.jetty.server.handler.GracefulHandler;

import java.net.BindException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The REST API as one Javalin server on virtual threads: the routes of API.md, strict JSON, problem+json errors,
 * request ids, metrics, and a graceful stop that lets in-flight requests finish.
 */
public final class TenantryWeb implements AutoCloseable {

    /**
     * The in-ports the API calls, the admission of each request among them. No service class, repository or other
     * out-port of the application: the handlers map use cases to HTTP.
     */
    public record Services(OrderRoutes.UseCases orders, UserRoutes.UseCases users, AdminRoutes.UseCases admin,
                           CheckTenantAccessUseCase access, RecordRefusedAdminAttemptUseCase refusals,
                           FileRoutes.UseCases files, CheckHealthUseCase health, AdmitRequestUseCase admission) {
    }

    private final Javalin javalin;
    private final OperationsRoutes operations;
    private final Duration readinessGrace;
    private final String address;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final PrometheusMeterRegistry metrics;
    private org.eclipse.jetty.server.Server jetty;

    public TenantryWeb(WebSettings settings, Services services, PrometheusMeterRegistry metrics) {
        this.metrics = metrics;
        JsonCodec json = new JsonCodec();
        ErrorMapping errors = new ErrorMapping(json, settings.maxJsonBytes());
        TenantGateway gateway = new TenantGateway(new TokenVerifier(settings.jwt()), services.access(),
                settings.platform(), new TierRateLimit(services.admission(), metrics), services.refusals());
        RequestMetrics requestMetrics = new RequestMetrics(metrics, settings.latencyBuckets());
        this.operations = new OperationsRoutes(services.health(), metrics);
        this.readinessGrace = settings.readinessGrace();
        this.address = settings.host() + ":" + settings.port();
        this.javalin = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = settings.maxJsonBytes();
            config.http.prefer405over404 = true;
            config.jsonMapper(new JavalinJson(json));
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            // room for an oversized token to reach the verifier and be refused as 401, not 431
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(128 * 1024));
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(settings.drainTimeout().toMillis());
                // Jetty's own binders: its thread pool (jetty_threads_*) now, its connectors' once they exist
                new io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics(server.getThreadPool(),
                        java.util.List.of()).bindTo(metrics);
                this.jetty = server;
                server.insertHandler(new GracefulHandler());
            });
            config.requestLogger.http(requestMetrics::record);
            config.routes.before(RequestIds::assign);
            config.routes.after(RequestIds::clear);
            errors.install(config);
            new OrderRoutes(services.orders(), json).register(config.routes, gateway);
            new UserRoutes(services.users(), json).register(config.routes, gateway);
            new AdminRoutes(services.admin(), json).register(config.routes, gateway);
            new FileRoutes(services.files()).register(config.routes, gateway);
            operations.register(config.routes);
            new ApiPage().register(config.routes);
        });
    }

    /**
     * Starts listening. A failure to bind (the port taken, the host not local, a privileged port) is an
     * {@link IllegalStateException} naming the address and the system's reason, which is what an operator needs to
     * see; Javalin's own message blames a port in use whatever the reason.
     */
    public TenantryWeb start() {
        try {
            javalin.start();
            // connections, bytes and messages of every connector (jetty_connections_*), counted from the first one
            io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics.addToAllConnectors(jetty, metrics);
        } catch (RuntimeException failure) {
            Throwable cause = failure;
            while (cause != null && !(cause instanceof BindException)) {
                cause = cause.getCause();
            }
            if (cause == null) {
                throw failure;
            }
            throw new IllegalStateException("cannot listen on " + address + ": " + cause.getMessage(), failure);
        }
        return this;
    }

    public int port() {
        return javalin.port();
    }

    /**
     * Stops in three steps: {@code /health} answers 503 at once (not ready) while requests are still served for the
     * readiness grace, then new connections are refused, then the requests in flight get up to the drain timeout.
     */
    @Override
    public void close() {
        if (stopped.compareAndSet(false, true)) {
            operations.drain();
            try {
                Thread.sleep(readinessGrace);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            javalin.stop();
        }
    }
}
