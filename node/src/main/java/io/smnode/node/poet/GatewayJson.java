package io.smnode.node.poet;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import java.nio.charset.StandardCharsets;

/**
 * The PoET gateway's JSON (spec 09 §8): protobuf's JSON mapping of the messages in {@code poet_api.proto}, in both
 * directions. Written as the reference gateway writes it (lowerCamelCase names, fields at their default value
 * included); read leniently as it reads (either name form, unknown fields ignored).
 */
final class GatewayJson {
    private static final JsonFormat.Printer PRINTER =
            JsonFormat.printer().includingDefaultValueFields().omittingInsignificantWhitespace();
    private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

    private GatewayJson() {}

    static byte[] write(MessageOrBuilder message) {
        try {
            return PRINTER.print(message).getBytes(StandardCharsets.UTF_8);
        } catch (InvalidProtocolBufferException e) {
            // Only an Any of an unregistered type fails to print, and the gateway's messages carry none.
            throw new IllegalStateException("cannot print " + message.getClass().getSimpleName(), e);
        }
    }

    /** {@code body} merged into {@code builder}; the exception's message says what is wrong and where. */
    static <B extends Message.Builder> B read(byte[] body, B builder) throws InvalidProtocolBufferException {
        PARSER.merge(new String(body, StandardCharsets.UTF_8), builder);
        return builder;
    }
}
