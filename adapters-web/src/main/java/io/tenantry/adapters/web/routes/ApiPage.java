package io.tenantry.adapters.web.routes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The interactive API page at {@code /docs}: Swagger UI, served from its webjar on the classpath (no CDN, so the page
 * works where the server's clients have no internet), reading {@code /openapi.json}. Public like the document itself:
 * the page holds no tenant data, and every call made from it carries the bearer token pasted into it.
 */
public final class ApiPage {

    private static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/";

    /**
     * The files the page loads, and their types. A fixed list rather than the webjar's directory: nothing else of the
     * classpath can be asked for through {@code /docs}.
     */
    private static final Map<String, String> SWAGGER_FILES = Map.of(
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui.css", "text/css; charset=utf-8",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");

    /** Swagger UI's files only change with the webjar, so a browser may keep them for a day. */
    private static final String CACHE_ASSETS = "public, max-age=86400";

    /**
     * Scripts, styles and calls only from this server; images also as data URIs (Swagger UI draws its icons so).
     * {@code unsafe-inline} styles because Swagger UI sets style attributes as it renders.
     */
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final byte[] page;
    private final byte[] initializer;
    private final Map<String, byte[]> swagger;

    public ApiPage() {
        this.page = ClasspathFiles.read("/api-page/index.html");
        this.initializer = ClasspathFiles.read("/api-page/api-page.js");
        String version = swaggerVersion();
        this.swagger = SWAGGER_FILES.keySet().stream()
                .collect(Collectors.toUnmodifiableMap(name -> name,
                        name -> ClasspathFiles.read(WEBJAR + version + "/" + name)));
    }

    public void register(RoutesConfig routes) {
        routes.get("/docs", ctx -> answer(ctx, "text/html; charset=utf-8", page, "no-cache"));
        routes.get("/docs/api-page.js", ctx -> answer(ctx, "text/javascript; charset=utf-8", initializer, "no-cache"));
        SWAGGER_FILES.forEach((name, type) ->
                routes.get("/docs/" + name, ctx -> answer(ctx, type, swagger.get(name), CACHE_ASSETS)));
    }

    private static void answer(Context ctx, String type, byte[] body, String caching) {
        ctx.contentType(type)
                .header("Cache-Control", caching)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", POLICY)
                .result(body);
    }

    /** The version of the Swagger UI webjar on the classpath: its files lie under a folder named after it. */
    private static String swaggerVersion() {
        Properties properties = new Properties();
        try {
            properties.load(new ByteArrayInputStream(
                    ClasspathFiles.read("/META-INF/maven/org.webjars/swagger-ui/pom.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }
}
