package io.tenantry.adapters.web.http;

import io.javalin.json.JsonMapper;

import java.lang.reflect.Type;

/** Lets Javalin's {@code ctx.json(...)} use the same strict {@link JsonCodec}. */
public final class JavalinJson implements JsonMapper {

    private final JsonCodec codec;

    public JavalinJson(JsonCodec codec) {
        this.codec = codec;
    }

    @Override
    public String toJsonString(Object value, Type type) {
        return codec.write(value);
    }

    @Override
    public <T> T fromJsonString(String json, Type type) {
        try {
            return codec.mapper().readValue(json, codec.mapper().constructType(type));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new ProblemException(Problem.badRequest(JsonCodec.describe(e)));
        }
    }
}
