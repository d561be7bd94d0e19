package io.smnode.node.config;

import com.typesafe.config.Config;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads typed values and turns every failure into one sentence that names the key and says what it wants. */
final class TypedReader {
    private final Config config;

    TypedReader(Config config) {
        this.config = config;
    }

    String string(String key) {
        try {
            return config.getString(key);
        } catch (com.typesafe.config.ConfigException e) {
            throw wrong(key, "a string");
        }
    }

    String oneOf(String key, Set<String> allowed) {
        String value = string(key).toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw new ConfigException("configuration key " + key + " must be one of " + String.join(", ", allowed.stream().sorted().toList())
                    + ", got '" + string(key) + "'.");
        }
        return value;
    }

    boolean bool(String key) {
        try {
            return config.getBoolean(key);
        } catch (com.typesafe.config.ConfigException e) {
            throw wrong(key, "true or false");
        }
    }

    int intIn(String key, int min, int max) {
        return (int) longIn(key, min, max);
    }

    long longIn(String key, long min, long max) {
        long value;
        try {
            value = config.getLong(key);
        } catch (com.typesafe.config.ConfigException e) {
            throw wrong(key, "a whole number");
        }
        if (value < min || value > max) {
            throw new ConfigException("configuration key " + key + " must be between " + min + " and " + max
                    + ", got " + value + ".");
        }
        return value;
    }

    double doubleIn(String key, double min, double max) {
        double value;
        try {
            value = config.getDouble(key);
        } catch (com.typesafe.config.ConfigException e) {
            throw wrong(key, "a number");
        }
        if (!(value >= min && value <= max)) {
            throw new ConfigException("configuration key " + key + " must be between " + min + " and " + max
                    + ", got " + value + ".");
        }
        return value;
    }

    long bytesAtLeast(String key, long min) {
        long value = bytes(key, "a size such as 64MiB");
        if (value < min) {
            throw new ConfigException("configuration key " + key + " must be at least " + min + " bytes, got " + value + ".");
        }
        return value;
    }

    /** A rate in bytes per second written as a size ("2MiB" is 2 MiB each second): 0 (off) or at least {@code min}. */
    long byteRateOffOrAtLeast(String key, long min) {
        long value = bytes(key, "a rate in bytes per second written as a size such as 2MiB, or 0 for unlimited");
        if (value != 0 && (value < min || value < 0)) {
            throw new ConfigException("configuration key " + key + " must be 0 (unlimited) or at least " + min
                    + " bytes per second, got " + value + ".");
        }
        return value;
    }

    private long bytes(String key, String wanted) {
        try {
            return config.getBytes(key);
        } catch (com.typesafe.config.ConfigException e) {
            throw wrong(key, wanted);
        }
    }

    /** A duration of zero or more (zero often meaning "the preset's"). */
    Duration nonNegativeDuration(String key) {
        Duration value;
        try {
            value = config.getDuration(key);
        } catch (com.typesafe.config.ConfigException e) {
            throw wrong(key, "a duration such as 6s or 5m");
        }
        if (value.isNegative()) {
            throw new ConfigException("configuration key " + key + " must not be negative, got " + value + ".");
        }
        return value;
    }

    Duration positiveDuration(String key) {
        Duration value = nonNegativeDuration(key);
        if (value.isZero()) {
            throw new ConfigException("configuration key " + key + " must be a positive duration, got " + value + ".");
        }
        return value;
    }

    /** An ISO-8601 instant, or empty when the value is the empty string. */
    Optional<Instant> optionalInstant(String key) {
        String text = string(key).trim();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            throw new ConfigException("configuration key " + key + " must be an ISO-8601 time such as 2023-07-14T08:00:00Z, got '" + text + "'.");
        }
    }

    /** A list of strings; a single string (from an environment variable or --set) is split at commas. */
    java.util.List<String> stringList(String key) {
        try {
            if (config.getValue(key).valueType() == com.typesafe.config.ConfigValueType.STRING) {
                String text = config.getString(key).trim();
                return text.isEmpty() ? java.util.List.of()
                        : java.util.Arrays.stream(text.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
            }
            return java.util.List.copyOf(config.getStringList(key));
        } catch (com.typesafe.config.ConfigException e) {
            throw wrong(key, "a list of strings");
        }
    }

    private ConfigException wrong(String key, String wanted) {
        String got = config.hasPath(key) ? "'" + config.getValue(key).unwrapped() + "' from " + config.getValue(key).origin().description() : "nothing";
        return new ConfigException("configuration key " + key + " must be " + wanted + ", got " + got + ".");
    }
}
