package io.smnode.node.poet;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import io.smnode.core.net.NetworkParams;
import io.smnode.core.net.Preset;
import io.smnode.node.config.ConfigException;
import io.smnode.node.config.NodeConfig;
import io.smnode.node.datadir.DataDirException;
import io.smnode.node.logging.LogSetup;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code smnode poet run}: serves the PoET gateway (spec 09 §8) on localhost until SIGTERM. The timetable is the
 * reference PoET's defaults (epoch 30 s, phase shift 15 s, cycle gap 10 s), or a preset's (epoch = layers per
 * epoch × layer duration, its phase shift and cycle gap), with each flag overriding either.
 */
@Command(name = "run", description = "Run a PoET server over HTTP (POST /v1/submit, GET /v1/info, /v1/proofs/{round}, /v1/pow_params).")
public final class PoetRunCommand implements Callable<Integer> {
    static final Duration DEFAULT_EPOCH = Duration.ofSeconds(30);
    static final Duration DEFAULT_PHASE_SHIFT = Duration.ofSeconds(15);
    static final Duration DEFAULT_CYCLE_GAP = Duration.ofSeconds(10);

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", required = true, paramLabel = "DIR", description = "Key, registrations and proofs.")
    Path dataDir;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8080",
            description = "Where the gateway listens (default ${DEFAULT-VALUE}; port 0: any free port).")
    String listen;

    @Option(names = "--genesis", paramLabel = "TIME", description = "Genesis, ISO-8601 (default: remembered, else now).")
    Instant genesis;

    @Option(names = "--preset", paramLabel = "NAME", description = "Take the timetable from a network preset.")
    String preset;

    @Option(names = "--epoch-duration", paramLabel = "D", converter = DurationConverter.class,
            description = "Round length E, e.g. 60s (default 30s, or the preset's layers x layer duration).")
    Duration epochDuration;

    @Option(names = "--phase-shift", paramLabel = "D", converter = DurationConverter.class,
            description = "Round 0 starts at genesis + this (default 15s, or the preset's).")
    Duration phaseShift;

    @Option(names = "--cycle-gap", paramLabel = "D", converter = DurationConverter.class,
            description = "Pause between a round's end and the next round's start (default 10s, or the preset's).")
    Duration cycleGap;

    @Option(names = "--leaves", paramLabel = "N", defaultValue = "150",
            description = "Sequential-work leaves per round, 150 to 100000 (default ${DEFAULT-VALUE}).")
    long leaves;

    @Option(names = "--pow-difficulty", paramLabel = "BITS", defaultValue = "8",
            description = "Legacy registration PoW difficulty in bits (default ${DEFAULT-VALUE}).")
    long powDifficulty;

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "plain", description = "plain or json.")
    String logFormat;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "INFO", description = "TRACE to ERROR.")
    String logLevel;

    @Override
    public Integer call() throws Exception {
        PoetServer.Settings settings = settings();
        LogSetup.configure(logFormat, logLevel);
        String pekkoLevel = "TRACE".equalsIgnoreCase(logLevel) ? "DEBUG" : logLevel;
        PoetServer server;
        try {
            server = PoetServer.start(settings, Clock.systemUTC(),
                    ConfigFactory.load().withValue("pekko.loglevel", ConfigValueFactory.fromAnyRef(pekkoLevel)));
        } catch (BindException e) {
            throw new ConfigException("cannot listen on " + listen + ": " + e.getMessage() + ".", e);
        } catch (IOException e) {
            throw new DataDirException("PoET data dir " + dataDir + ": " + e.getMessage() + ".", e);
        }
        // SIGTERM runs CoordinatedShutdown through Pekko's JVM hook: the gateway unbinds, then the log closes.
        server.whenTerminated().toCompletableFuture().join();
        return 0;
    }

    PoetServer.Settings settings() {
        Duration epoch = DEFAULT_EPOCH;
        Duration shift = DEFAULT_PHASE_SHIFT;
        Duration gap = DEFAULT_CYCLE_GAP;
        if (preset != null) {
            NetworkParams params;
            try {
                params = Preset.byName(preset).params();
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            epoch = PoetSchedules.epoch(params.time().layerDuration(), params.time().layersPerEpoch());
            shift = params.poet().phaseShift();
            gap = params.poet().cycleGap();
        }
        epoch = epochDuration != null ? epochDuration : epoch;
        shift = phaseShift != null ? phaseShift : shift;
        gap = cycleGap != null ? cycleGap : gap;
        if (leaves < 150 || leaves > NodeConfig.MAX_POET_LEAVES) {
            throw new ParameterException(spec.commandLine(), "--leaves must be 150 to " + NodeConfig.MAX_POET_LEAVES);
        }
        if (gap.compareTo(epoch) >= 0 || epoch.isZero() || epoch.isNegative() || shift.isNegative() || gap.isNegative()) {
            throw new ParameterException(spec.commandLine(),
                    "need 0 <= cycle gap < epoch duration and a non-negative phase shift; got epoch " + epoch
                            + ", phase shift " + shift + ", cycle gap " + gap);
        }
        return new PoetServer.Settings(dataDir, listenAddress(), Optional.ofNullable(genesis), epoch, shift, gap, leaves,
                powDifficulty);
    }

    private InetSocketAddress listenAddress() {
        int colon = listen.lastIndexOf(':');
        try {
            if (colon <= 0) {
                throw new NumberFormatException();
            }
            int port = Integer.parseInt(listen.substring(colon + 1));
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return new InetSocketAddress(listen.substring(0, colon), port);
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "--listen takes HOST:PORT, got '" + listen + "'");
        }
    }
}
