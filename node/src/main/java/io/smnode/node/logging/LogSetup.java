package io.smnode.node.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.LoggerFactory;

/** Switches logging to the node's configured format (plain lines or one JSON object per line) and level. */
public final class LogSetup {
    private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{20} - %msg%n";

    private LogSetup() {}

    public static void configure(String format, String level) {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.reset();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(ctx);
        appender.setName("console");
        appender.setEncoder(encoder(ctx, format));
        appender.start();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level, Level.INFO));
        root.addAppender(appender);
        // A taken listen address is reported by the command that binds it, as one sentence; Pekko's TCP listener
        // would log the same failure again, with a stack trace.
        ctx.getLogger("org.apache.pekko.io.TcpListener").setLevel(Level.OFF);
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext ctx, String format) {
        if ("json".equals(format)) {
            JsonLineEncoder json = new JsonLineEncoder();
            json.setContext(ctx);
            json.start();
            return json;
        }
        PatternLayoutEncoder plain = new PatternLayoutEncoder();
        plain.setContext(ctx);
        plain.setPattern(PATTERN);
        plain.start();
        return plain;
    }
}
