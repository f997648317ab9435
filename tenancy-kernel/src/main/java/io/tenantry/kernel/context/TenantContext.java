package io.tenantry.kernel.context;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

/**
 * The tenant a unit of work acts for, bound with {@link ScopedValue} so that it cannot outlive the work nor
 * bleed into the next task of a pooled or virtual thread. There is no setter and nothing to clear: a binding
 * ends when the lambda given to {@link #run} returns, whatever happens inside it.
 *
 * <p>Work handed to another thread does not see the context unless it is wrapped with {@link #wrap(Runnable)}
 * or submitted to an executor from {@link #propagating(Executor)}; this is deliberate, so that forgetting it
 * fails closed ({@link MissingTenantContext}) instead of running as some other tenant.
 */
public final class TenantContext {

    private TenantContext() {
    }

    /** Runs {@code work} as {@code identity}; an outer binding is restored when it returns. */
    public static void run(TenantIdentity identity, Runnable work) {
        Objects.requireNonNull(work, "'work' must not be null");
        ScopedValue.where(ContextKeys.IDENTITY, Objects.requireNonNull(identity, "'identity' must not be null"))
                .run(work);
    }

    /** Calls {@code work} as {@code identity} and returns its result, letting its checked exception through. */
    public static <T, X extends Throwable> T call(TenantIdentity identity, ScopedValue.CallableOp<? extends T, X> work)
            throws X {
        Objects.requireNonNull(work, "'work' must not be null");
        return ScopedValue.where(ContextKeys.IDENTITY, Objects.requireNonNull(identity, "'identity' must not be null"))
                .call(work);
    }

    /** Calls {@code work} as {@code identity} for the request {@code origin} describes. */
    public static <T, X extends Throwable> T call(TenantIdentity identity, RequestOrigin origin,
                                                  ScopedValue.CallableOp<? extends T, X> work) throws X {
        Objects.requireNonNull(work, "'work' must not be null");
        return ScopedValue.where(ContextKeys.IDENTITY, Objects.requireNonNull(identity, "'identity' must not be null"))
                .where(ContextKeys.ORIGIN, Objects.requireNonNull(origin, "'origin' must not be null"))
                .call(work);
    }

    /** Where the current work came from; {@link RequestOrigin#NONE} when no request started it. */
    public static RequestOrigin origin() {
        return ContextKeys.ORIGIN.isBound() ? ContextKeys.ORIGIN.get() : RequestOrigin.NONE;
    }

    /** The identity bound to the current work, if any. */
    public static Optional<TenantIdentity> current() {
        return ContextKeys.IDENTITY.isBound() ? Optional.of(ContextKeys.IDENTITY.get()) : Optional.empty();
    }

    /** The identity bound to the current work; throws {@link MissingTenantContext} when there is none. */
    public static TenantIdentity require() {
        return require("this operation");
    }

    /** As {@link #require()}, naming {@code what} needed the tenant in the error. */
    public static TenantIdentity require(String what) {
        if (!ContextKeys.IDENTITY.isBound()) {
            throw new MissingTenantContext(what);
        }
        return ContextKeys.IDENTITY.get();
    }

    /** Shorthand for the tenant of {@link #require()}. */
    public static TenantId requireTenant() {
        return require().tenant();
    }

    /** The audited bypass the current work runs in, if any. */
    public static Optional<BypassScope> bypass() {
        return ContextKeys.BYPASS.isBound() ? Optional.of(ContextKeys.BYPASS.get()) : Optional.empty();
    }

    public static boolean inBypass() {
        return ContextKeys.BYPASS.isBound();
    }

    /**
     * Binds the bypass marker around {@code work}. Only the kernel's {@code Bypass} calls this (the architecture
     * tests enforce it), because the marker alone audits nothing.
     */
    public static <T, X extends Throwable> T callInBypass(BypassScope scope, ScopedValue.CallableOp<? extends T, X> work)
            throws X {
        require("a bypass");
        return ScopedValue.where(ContextKeys.BYPASS, Objects.requireNonNull(scope, "'scope' must not be null"))
                .call(work);
    }

    /**
     * Captures the caller's context now and re-binds it when {@code task} runs, on whatever thread. Without a
     * context at capture time the task runs with none.
     */
    public static Runnable wrap(Runnable task) {
        Objects.requireNonNull(task, "'task' must not be null");
        Snapshot snapshot = Snapshot.take();
        return () -> snapshot.run(task);
    }

    /** As {@link #wrap(Runnable)} for a {@link Callable}. */
    public static <T> Callable<T> wrap(Callable<T> task) {
        Objects.requireNonNull(task, "'task' must not be null");
        Snapshot snapshot = Snapshot.take();
        return () -> snapshot.call(task::call);
    }

    /** An executor that wraps every submitted task with the submitter's context. */
    public static Executor propagating(Executor delegate) {
        Objects.requireNonNull(delegate, "'delegate' must not be null");
        return task -> delegate.execute(wrap(task));
    }

    /** The bindings of one moment, to be re-applied elsewhere. */
    private record Snapshot(TenantIdentity identity, BypassScope bypass, RequestOrigin origin) {

        static Snapshot take() {
            return new Snapshot(
                    ContextKeys.IDENTITY.isBound() ? ContextKeys.IDENTITY.get() : null,
                    ContextKeys.BYPASS.isBound() ? ContextKeys.BYPASS.get() : null,
                    ContextKeys.ORIGIN.isBound() ? ContextKeys.ORIGIN.get() : null);
        }

        void run(Runnable task) {
            call(() -> {
                task.run();
                return null;
            });
        }

        <T, X extends Throwable> T call(ScopedValue.CallableOp<? extends T, X> task) throws X {
            if (identity == null) {
                return task.call();
            }
            ScopedValue.Carrier carrier = ScopedValue.where(ContextKeys.IDENTITY, identity);
            if (bypass != null) {
                carrier = carrier.where(ContextKeys.BYPASS, bypass);
            }
            if (origin != null) {
                carrier = carrier.where(ContextKeys.ORIGIN, origin);
            }
            return carrier.call(task);
        }
    }
}
