package io.smnode.node.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tools' contract with scripts: exactly one JSON object on stdout, exit 0 on success; {"error": "..."} and exit 2
 * on bad input. Field order is kept as given so the output reads naturally.
 */
public final class ToolOutput {
    public static final int OK = 0;
    public static final int BAD_INPUT = 2;

    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    private ToolOutput() {}

    public static int print(PrintWriter out, Map<String, ?> fields) {
        out.println(render(fields));
        out.flush();
        return OK;
    }

    public static int error(PrintWriter out, String message) {
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("error", message);
        out.println(render(err));
        out.flush();
        return BAD_INPUT;
    }

    static String render(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tool output must be plain maps, lists, strings, numbers and booleans", e);
        }
    }
}
