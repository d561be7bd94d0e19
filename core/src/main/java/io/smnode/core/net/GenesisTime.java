package io.smnode.core.net;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * The genesis time's text form, as the reference reads it from flags and config files (RFC 3339) and writes it to
 * JSON (Go's RFC 3339 with nanoseconds: fraction digits only as needed, UTC written as {@code Z}).
 */
public final class GenesisTime {
    private static final DateTimeFormatter WRITER = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .appendLiteral('Z')
            .toFormatter();

    private GenesisTime() {}

    /** E.g. {@code 2023-07-14T08:00:00Z}, or {@code 2023-07-14T08:00:00.5Z} with a fraction. */
    public static String format(Instant time) {
        return WRITER.format(time.atOffset(ZoneOffset.UTC));
    }

    /**
     * Reads an RFC 3339 timestamp with any offset.
     *
     * @throws IllegalArgumentException naming the text when it is not RFC 3339
     */
    public static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("genesis time is not RFC 3339: " + text, e);
        }
    }
}
