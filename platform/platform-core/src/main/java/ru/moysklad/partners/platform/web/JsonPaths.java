package ru.moysklad.partners.platform.web;

import java.lang.reflect.Method;
import java.util.List;

/**
 * Reads the field path from a Jackson mapping failure without depending on a Jackson major version
 * (Boot 4 uses Jackson 3; Avro still brings Jackson 2 along).
 */
final class JsonPaths {

    private JsonPaths() {
    }

    static String of(Throwable failure) {
        try {
            Method getPath = failure.getClass().getMethod("getPath");
            Object path = getPath.invoke(failure);
            if (!(path instanceof List<?> references) || references.isEmpty()) {
                return null;
            }
            StringBuilder joined = new StringBuilder();
            for (Object reference : references) {
                Object name = reference.getClass().getMethod("getPropertyName").invoke(reference);
                Object index = reference.getClass().getMethod("getIndex").invoke(reference);
                if (name != null) {
                    joined.append(joined.isEmpty() ? "" : ".").append(name);
                } else if (index instanceof Integer i && i >= 0) {
                    joined.append('[').append(i).append(']');
                }
            }
            return joined.isEmpty() ? null : joined.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
