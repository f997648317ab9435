package io.tenantry.adapters.web.routes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tenantry.adapters.web.auth.TenantGateway;
import io.tenantry.adapters.web.http.Problem;
import io.tenantry.adapters.web.http.ProblemException;
import io.tenantry.adapters.web.http.RequestBodies;
import io.tenantry.adapters.web.json.Responses;
import io.tenantry.application.file.FileCursor;
import io.tenantry.application.file.FileUseCases.DeleteFileUseCase;
import io.tenantry.application.file.FileUseCases.ListFilesUseCase;
import io.tenantry.application.file.FileUseCases.ReadFileUseCase;
import io.tenantry.application.file.FileUseCases.StoreFileUseCase;
import io.tenantry.application.file.StoreFileCommand;
import io.tenantry.kernel.context.TenantIdentity;
import io.tenantry.kernel.limits.TierLimits;
import io.tenantry.kernel.storage.ObjectContent;
import io.tenantry.kernel.storage.ObjectKey;
import io.tenantry.kernel.storage.ObjectPage;
import io.tenantry.kernel.storage.PutOutcome;
import io.tenantry.kernel.storage.StoredObject;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code /api/files}: the current tenant's files, in whatever backend its tier resolves to. The file use cases reach
 * storage that resolves per call, so these routes never learn where the bytes go. An upload's body is handed on as
 * a stream with the length the client announced, never read into memory here.
 *
 * <p>A download carries the content type its uploader chose, so any member could upload {@code text/html} with a
 * script and send a colleague the link. Downloads are therefore served as attachments, with sniffing off and a
 * policy that lets the content run nothing and load nothing even if a browser renders it.
 */
public final class FileRoutes {

    private static final Set<String> MEMBERS = Set.of(TenantIdentity.MEMBER, TenantIdentity.OWNER);
    private static final int DEFAULT_LIMIT = 100;
    private static final Pattern MEDIA_TYPE = Pattern.compile("[\\x21-\\x7e][\\x20-\\x7e]{0,199}");

    /** The in-ports these routes call. */
    public record UseCases(StoreFileUseCase store, ReadFileUseCase read, ListFilesUseCase list, DeleteFileUseCase delete) {
    }

    private final UseCases files;

    public FileRoutes(UseCases files) {
        this.files = files;
    }

    public void register(RoutesConfig routes, TenantGateway gateway) {
        routes.put("/api/files/{name}", gateway.requireAnyRole(MEMBERS, TierLimits.STORE_FILE, this::put));
        routes.get("/api/files/{name}", gateway.requireAnyRole(MEMBERS, this::get));
        routes.get("/api/files", gateway.requireAnyRole(MEMBERS, this::list));
        routes.delete("/api/files/{name}", gateway.requireAnyRole(MEMBERS, this::delete));
    }

    private void put(Context ctx) {
        String name = ctx.pathParam("name");
        if (!ObjectKey.isValidName(name)) {
            throw new ProblemException(Problem.badRequest("A file name is 1..128 of [A-Za-z0-9._-] and not '.' or '..'."));
        }
        String contentType = ctx.contentType() == null ? "application/octet-stream" : ctx.contentType();
        if (!MEDIA_TYPE.matcher(contentType).matches()) {
            throw new ProblemException(Problem.badRequest("The Content-Type header is not a media type."));
        }
        long announced = ctx.contentLength();
        PutOutcome outcome = files.store().store(new StoreFileCommand(ObjectKey.of(name), ctx.bodyInputStream(), contentType,
                announced < 0 ? OptionalLong.empty() : OptionalLong.of(announced)));
        ctx.status(outcome instanceof PutOutcome.Created ? 201 : 200).json(outcome.object());
    }

    private void get(Context ctx) {
        ObjectKey key = key(ctx);
        ObjectContent content = files.read().read(key).orElseThrow(() -> new ProblemException(Problem.notFound()));
        StoredObject object = content.metadata();
        // an ObjectKey name is [A-Za-z0-9._-]: nothing in it needs escaping inside the quoted filename
        ctx.contentType(object.contentType()).header("ETag", object.etag())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "attachment; filename=\"" + key.name() + "\"")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .result(content.body());
    }

    private void list(Context ctx) {
        int limit = RequestBodies.intParam(ctx, "limit", DEFAULT_LIMIT, 1, ObjectPage.MAX_LIMIT);
        Optional<FileCursor> cursor = Optional.ofNullable(ctx.queryParam("cursor")).map(raw -> FileCursor.decode(raw)
                .orElseThrow(() -> new ProblemException(Problem.badRequest("'cursor' is not a cursor this API gave out."))));
        ObjectPage page = files.list().list(cursor, limit);
        ctx.json(new Responses.Page<>(page.items(), page.nextAfter().map(name -> new FileCursor(name).encode()).orElse(null)));
    }

    private void delete(Context ctx) {
        if (!files.delete().delete(key(ctx))) {
            throw new ProblemException(Problem.notFound());
        }
        ctx.status(204);
    }

    /** A name that is not a valid object name names nothing: 404 like a missing file. */
    private static ObjectKey key(Context ctx) {
        String name = ctx.pathParam("name");
        if (!ObjectKey.isValidName(name)) {
            throw new ProblemException(Problem.notFound());
        }
        return ObjectKey.of(name);
    }
}
